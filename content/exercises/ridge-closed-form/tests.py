import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(21)
    big_X = rng.normal(0.0, 2.0, size=(200, 6)) + np.array([1.0, -3.0, 0.0, 5.0, 2.0, -1.0])
    big_y = big_X @ np.array([0.5, -1.0, 2.0, 0.0, 3.0, -0.25]) + 4.0 + rng.normal(0.0, 1.0, size=200)
    shrink_X = rng.normal(0.0, 1.0, size=(30, 3))
    shrink_y = rng.normal(10.0, 1.0, size=30)
    return [
        Case.of(
            "one feature",
            [[1], [2], [3]],
            [1, 3, 5],
            1.0,
            public=True,
            expected=(np.array([4 / 3]), 1 / 3),
        ),
        Case.of(
            "two orthogonal features",
            [[0, 0], [1, 0], [0, 1], [1, 1]],
            [1, 3, 2, 6],
            1,
            public=True,
            expected=(np.array([1.5, 1.0]), 1.75),
        ),
        Case.of(
            "alpha zero is least squares",
            np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 5.0], [4.0, 3.0]]),
            np.array([2.0, 3.5, 2.5, 4.5]),
            0.0,
            expected=(np.array([1.0, -0.5]), 2.0),
        ),
        Case.of(
            "collinear features",
            np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]),
            np.array([1.0, 2.0, 3.0]),
            1.0,
            points=2,
            expected=(np.array([2 / 11, 4 / 11]), 2 / 11),
        ),
        Case.of(
            "a single sample",
            np.array([[3.0, -1.0]]),
            np.array([7.0]),
            0.5,
            expected=(np.array([0.0, 0.0]), 7.0),
        ),
        Case.of(
            "huge alpha",
            shrink_X,
            shrink_y,
            1e12,
            atol=1e-8,
            expected=(np.zeros(3), float(shrink_y.mean())),
        ),
        Case.of("200 samples, six features", big_X, big_y, 3.0, points=2),
        Case.of("negative alpha", [[1.0], [2.0]], [1.0, 2.0], -0.1, raises="ValueError"),
        Case.of("no samples", np.empty((0, 2)), np.empty(0), 1.0, raises="ValueError"),
        Case.of("y too short", [[1.0], [2.0], [3.0]], [1.0, 2.0], 1.0, raises="ValueError"),
    ]
