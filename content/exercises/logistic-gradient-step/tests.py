import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(5)
    big_X = rng.normal(0.0, 40.0, size=(500, 5))
    big_w = rng.normal(0.0, 1.0, size=5)
    big_y = (rng.random(500) < 0.4).astype(int)
    s1 = 1 / (1 + np.exp(-1.0))  # sigmoid(1); sigmoid(-1) = 1 - s1
    return [
        Case.of(
            "all scores zero",
            [0, 0],
            0.0,
            [[1, 2], [3, -1]],
            [1, 0],
            0.5,
            public=True,
            expected=(np.array([-0.25, 0.375]), 0.0),
        ),
        Case.of(
            "scores of -1, 0 and 1",
            [1.0],
            -1.0,
            [[1.0], [0.0], [2.0]],
            [1, 0, 1],
            1.0,
            public=True,
            # p - y = [-0.5, 1 - s1, s1 - 1]
            expected=(np.array([1.0 - (-0.5 + 2 * (s1 - 1)) / 3]), -1.0 + 1 / 6),
        ),
        Case.of(
            "saturated sigmoid",
            np.array([1.0]),
            0.5,
            np.array([[1000.0], [-1000.0], [1000.0], [-1000.0]]),
            np.array([1, 0, 0, 1]),
            0.001,
            points=2,
            # p = [1, 0, 1, 0], p - y = [0, 0, 1, -1]
            expected=(np.array([0.5]), 0.5),
        ),
        Case.of(
            "confident and right",
            np.array([2.0, -3.0]),
            0.0,
            np.array([[800.0, -100.0], [-400.0, 200.0]]),
            np.array([1.0, 0.0]),
            10.0,
            expected=(np.array([2.0, -3.0]), 0.0),
        ),
        Case.of(
            "a single sample",
            np.array([0.5, -0.5]),
            0.0,
            np.array([[2.0, 2.0]]),
            np.array([1]),
            0.2,
            expected=(np.array([0.7, -0.3]), 0.1),
        ),
        Case.of(
            "boolean labels, all negative",
            np.array([0.0]),
            0.0,
            np.array([[1.0], [3.0]]),
            np.array([False, False]),
            1.0,
            expected=(np.array([-1.0]), -0.5),
        ),
        Case.of("500 samples with large scores", big_w, 0.3, big_X, big_y, 0.05, points=2),
        Case.of("no rows", np.zeros(2), 0.0, np.empty((0, 2)), np.empty(0), 0.1, raises="ValueError"),
    ]
