import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(31)
    big_logits = rng.normal(0.0, 50.0, size=(400, 7))
    big_labels = rng.integers(0, 7, size=400)
    return [
        Case.of(
            "two classes",
            [[2.0, 0.0], [0.0, 0.0]],
            [0, 1],
            public=True,
            expected=(np.log1p(np.exp(-2.0)) + np.log(2.0)) / 2,
        ),
        Case.of(
            "three classes",
            [[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]],
            [2, 0],
            public=True,
            expected=(np.log(np.exp(-2.0) + np.exp(-1.0) + 1.0) + np.log(3.0)) / 2,
        ),
        Case.of(
            "logits of plus and minus a thousand",
            np.array([[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 1000.0], [1000.0, -1000.0, 0.0]]),
            np.array([0, 2, 1]),
            points=2,
            # row losses: 0, log 2, 2000
            expected=(2000.0 + np.log(2.0)) / 3,
        ),
        Case.of(
            "all logits very negative",
            np.array([[-1000.0, -1000.0], [-1000.0, -1000.0]]),
            np.array([0, 1]),
            expected=float(np.log(2.0)),
        ),
        Case.of("a single class", np.array([[3.7], [-2.0]]), np.array([0, 0]), expected=0.0),
        Case.of("400 rows, seven classes", big_logits, big_labels, points=2),
        Case.of("label equal to k", [[0.0, 1.0], [1.0, 0.0]], [0, 2], raises="ValueError"),
        Case.of("negative label", [[0.0, 1.0], [1.0, 0.0]], [-1, 0], raises="ValueError"),
        Case.of("no rows", np.empty((0, 3)), np.empty(0, dtype=np.int64), raises="ValueError"),
    ]
