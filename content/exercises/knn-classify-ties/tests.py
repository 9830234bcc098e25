import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(23)
    big_X = rng.integers(0, 6, size=(80, 2)).astype(float)  # a small grid: many equal distances
    big_y = rng.integers(0, 3, size=80)
    big_q = rng.integers(0, 6, size=(40, 2)).astype(float)
    return [
        Case.of(
            "three neighbours",
            [[0], [1], [5], [6]],
            [0, 0, 1, 1],
            [[4]],
            3,
            public=True,
            expected=np.array([1]),
        ),
        Case.of(
            "equal distances: lower index is nearer",
            np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0]]),
            np.array([0, 1, 1]),
            np.array([[0.0, 0.0]]),
            1,
            points=2,
            expected=np.array([0]),
        ),
        Case.of(
            "a shared k-th place is filled by index",
            np.array([[0.0], [2.0], [-2.0], [2.0]]),
            np.array([1, 7, 3, 3]),
            np.array([[0.0], [0.5]]),
            2,
            points=2,
            # query 0: index 0 (distance 0), then 1, 2 and 3 tie at 2 -> index 1: labels 1, 7
            # query 0.5: distances 0.5, 1.5, 2.5, 1.5 -> indices 0 and 1: labels 1, 7
            expected=np.array([1, 1]),
        ),
        Case.of(
            "a vote tie goes to the smallest label",
            np.array([[0.0], [1.0], [3.0], [4.0]]),
            np.array([9, 2, 9, 2]),
            np.array([[0.2], [3.9]]),
            2,
            points=2,
            expected=np.array([2, 2]),
        ),
        Case.of(
            "a single class",
            np.array([[0.0, 0.0], [5.0, 5.0]]),
            np.array([4, 4]),
            np.array([[1.0, 1.0], [9.0, 9.0], [0.0, 0.0]]),
            2,
            expected=np.array([4, 4, 4]),
        ),
        Case.of(
            "k equals the training size",
            np.array([[0.0], [1.0], [2.0], [10.0], [11.0]]),
            np.array([1, 1, 1, 0, 0]),
            np.array([[10.5]]),
            5,
            expected=np.array([1]),
        ),
        Case.of(
            "no queries",
            np.array([[0.0, 1.0]]),
            np.array([3]),
            np.zeros((0, 2)),
            1,
            expected=np.zeros(0, dtype=int),
        ),
        Case.of("80 points on a grid, 40 queries, k = 4", big_X, big_y, big_q, 4, points=2),
        Case.of("k of zero", [[0.0]], [1], [[0.0]], 0, raises="ValueError"),
        Case.of("k above n", [[0.0], [1.0]], [1, 0], [[0.0]], 3, raises="ValueError"),
        Case.of("query columns differ", [[0.0], [1.0]], [1, 0], [[0.0, 1.0]], 1, raises="ValueError"),
        Case.of("one label too few", [[0.0], [1.0]], [1], [[0.0]], 1, raises="ValueError"),
    ]
