import numpy as np

from mlinterview.exercises import Case


def _by_hand(X, seed):
    """k = 2 on a tiny set, worked out without the reference: uniform first pick, then D²."""
    X = np.asarray(X, dtype=float)
    u1, u2 = np.random.default_rng(seed).random(2)
    first = int(np.floor(u1 * len(X)))  # equal weights: the pick is floor(u * n)
    d2 = ((X - X[first]) ** 2).sum(axis=1)
    second = int(np.argmax(np.cumsum(d2) > u2 * d2.sum()))
    return X[[first, second]]


def cases():
    rng = np.random.default_rng(7)
    blobs = np.array([[0.0, 0.0], [8.0, 1.0], [2.0, 9.0], [-6.0, 5.0]])
    big = np.repeat(blobs, 50, axis=0) + rng.normal(0.0, 1.0, size=(200, 2))
    line = [[0.0], [1.0], [2.0], [10.0]]
    duplicated = np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [5.0, 5.0], [5.0, 6.0]])
    return [
        Case.of("points on a line, two centroids", line, 2, 3, public=True, expected=_by_hand(line, 3)),
        Case.of(
            "two distinct rows, k = 2",
            [[0, 0], [0, 0], [3, 4]],
            2,
            0,
            public=True,
            expected=_by_hand([[0, 0], [0, 0], [3, 4]], 0),
        ),
        Case.of("another seed, by hand", np.array(line), 2, 11, expected=_by_hand(line, 11)),
        Case.of(
            "a duplicated row is more likely first", duplicated, 1, 1, expected=_by_hand(duplicated, 1)[:1]
        ),
        Case.of("duplicates with k equal to the distinct count", duplicated, 3, 1, points=2),
        Case.of("duplicates, another seed", duplicated, 3, 8),
        Case.of(
            "nearest of all chosen centroids decides",
            np.array([[0.0], [1.0], [9.0], [10.0], [20.0], [21.0]]),
            4,
            2,
            points=2,
        ),
        Case.of("k = 1 is a uniform pick", np.arange(12.0).reshape(6, 2), 1, 4),
        Case.of("a single point", np.array([[1.5, -2.0, 3.0]]), 1, 0),
        Case.of("200 points in four blobs", big, 4, 2026, points=2),
        Case.of("k above the distinct rows", [[0, 0], [0, 0], [3, 4]], 3, 0, raises="ValueError"),
        Case.of("k of zero", [[0, 0], [3, 4]], 0, 0, raises="ValueError"),
        Case.of("no rows", np.empty((0, 2)), 1, 0, raises="ValueError"),
        Case.of("X that is 1-D", np.array([0.0, 1.0, 2.0]), 2, 0, raises="ValueError"),
    ]
