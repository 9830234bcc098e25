import numpy as np

from mlinterview.exercises import Case


def _fraud(n, m, seed):
    rng = np.random.default_rng(seed)
    scores = np.round(rng.beta(2.0, 5.0, size=n), 4).tolist()  # rounded: many exact ties
    candidates = np.round(np.linspace(0.0, 1.0, m), 5)
    return scores, np.unique(candidates).tolist()


def cases():
    big_scores, big_candidates = _fraud(300_000, 100_001, 6)
    return [
        Case.of(
            "four scores, a tie on a candidate",
            [0.1, 0.4, 0.4, 0.8],
            [0.2, 0.4, 0.5, 0.9],
            0.25,
            public=True,
            expected=0.5,
        ),
        Case.of(
            "a budget met exactly", [0.3, 0.1, 0.2, 0.4, 0.5], [0.15, 0.25, 0.35, 0.45], 0.4, expected=0.35
        ),
        Case.of("ties on every candidate", [0.5, 0.5, 0.5, 0.7, 0.7], [0.5, 0.7, 0.9], 0.4, expected=0.7),
        Case.of("the first candidate already meets it", [0.1, 0.2], [0.5, 0.6], 0.0, expected=0.5),
        Case.of("a budget of zero", [0.2, 0.9, 0.4], [0.3, 0.6, 0.9, 0.95], 0.0, expected=0.95),
        Case.of("no candidate meets it", [0.2, 0.9, 0.4], [0.1, 0.5, 0.9], 0.0, expected=None),
        Case.of("no candidates", [0.2, 0.3], [], 0.5, expected=None),
        Case.of("a budget of one", [0.6, 0.7], [0.0, 0.5, 1.0], 1.0, expected=0.0),
        Case.of("300 thousand scores, 1 percent budget", big_scores, big_candidates, 0.01, points=2),
        Case.of("300 thousand scores, a budget met exactly", big_scores, big_candidates, 0.05),
        Case.of("no negative scores", [], [0.5], 0.1, raises="ValueError"),
    ]
