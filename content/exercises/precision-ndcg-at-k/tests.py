import numpy as np

from mlinterview.exercises import Case


def _ndcg(gains, ideal):
    def dcg(values):
        return sum((2.0**r - 1) / np.log2(i + 2) for i, r in enumerate(values))

    return float(dcg(gains) / dcg(ideal))


def cases():
    rng = np.random.default_rng(9)
    big_scores = np.round(rng.random(200), 2)  # rounding makes many equal scores
    big_relevance = rng.choice([0, 0, 0, 1, 2, 3], size=200)
    return [
        Case.of(
            "graded relevance",
            [0.9, 0.8, 0.7],
            [0, 2, 1],
            2,
            public=True,
            expected=(0.5, _ndcg([0, 2], [2, 1])),
        ),
        Case.of(
            "perfect ranking",
            [3.0, 2.0, 1.0, 0.0],
            [3, 2, 0, 0],
            3,
            public=True,
            expected=(2 / 3, 1.0),
        ),
        Case.of(
            "equal scores rank the lower index first",
            np.array([0.5, 0.9, 0.5, 0.5]),
            np.array([0, 1, 0, 2]),
            2,
            points=2,
            # ranking: 1, 0, 2, 3
            expected=(0.5, 1.0 / (3.0 + 1.0 / np.log2(3))),
        ),
        Case.of(
            "the ideal list is cut at k",
            np.array([0.9, 0.8, 0.1, 0.05]),
            np.array([1, 0, 1, 1]),
            2,
            expected=(0.5, _ndcg([1, 0], [1, 1])),
        ),
        Case.of(
            "k larger than the list",
            np.array([0.2, 0.4]),
            np.array([1, 0]),
            5,
            expected=(0.2, _ndcg([0, 1], [1, 0])),
        ),
        Case.of(
            "no relevant items",
            np.array([0.3, 0.2, 0.1]),
            np.array([0, 0, 0]),
            2,
            expected=(0.0, 0.0),
        ),
        Case.of("an empty list", np.zeros(0), np.zeros(0, dtype=int), 3, expected=(0.0, 0.0)),
        Case.of("200 items with many equal scores, k = 20", big_scores, big_relevance, 20, points=2),
        Case.of("k of zero", [0.1, 0.2], [1, 0], 0, raises="ValueError"),
        Case.of("lengths differ", [0.1, 0.2], [1], 1, raises="ValueError"),
        Case.of("negative relevance", [0.1, 0.2], [1, -1], 1, raises="ValueError"),
    ]
