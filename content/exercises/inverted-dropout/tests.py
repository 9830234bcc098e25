import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(7)
    big_x = rng.normal(0.0, 3.0, size=(8, 5, 6))
    big_mask = rng.random((8, 5, 6)) >= 0.3
    big_up = rng.normal(0.0, 1.0, size=(8, 5, 6))
    x = np.array([[1.0, -2.0], [0.5, 4.0]])
    keep_some = np.array([[True, False], [False, True]])
    return [
        Case.of(
            "training, half dropped",
            np.array([1.0, 2.0, 3.0, 4.0]),
            np.array([True, False, True, True]),
            0.5,
            np.ones(4),
            True,
            public=True,
            expected=(np.array([2.0, 0.0, 6.0, 8.0]), np.array([2.0, 0.0, 2.0, 2.0])),
        ),
        Case.of(
            "training, p of 0.2",
            x,
            keep_some,
            0.2,
            np.array([[1.0, 1.0], [2.0, -3.0]]),
            True,
            points=2,
            expected=(np.array([[1.25, 0.0], [0.0, 5.0]]), np.array([[1.25, 0.0], [0.0, -3.75]])),
        ),
        Case.of(
            "evaluation ignores the mask",
            x,
            keep_some,
            0.5,
            np.array([[0.1, 0.2], [0.3, 0.4]]),
            False,
            points=2,
            expected=(x.copy(), np.array([[0.1, 0.2], [0.3, 0.4]])),
        ),
        Case.of(
            "p of zero keeps everything",
            np.array([3.0, -1.0]),
            np.array([True, True]),
            0.0,
            np.array([1.0, 2.0]),
            True,
            expected=(np.array([3.0, -1.0]), np.array([1.0, 2.0])),
        ),
        Case.of(
            "every unit dropped",
            np.array([3.0, -1.0, 2.0]),
            np.zeros(3, dtype=bool),
            0.9,
            np.array([1.0, 2.0, 3.0]),
            True,
            expected=(np.zeros(3), np.zeros(3)),
        ),
        Case.of("a 8 x 5 x 6 batch, p of 0.3", big_x, big_mask, 0.3, big_up, True, points=2),
        Case.of("no elements", np.zeros((0, 3)), np.zeros((0, 3), dtype=bool), 0.5, np.zeros((0, 3)), True),
        Case.of("p of one", np.ones(2), np.ones(2, dtype=bool), 1.0, np.ones(2), True, raises="ValueError"),
        Case.of(
            "negative p", np.ones(2), np.ones(2, dtype=bool), -0.1, np.ones(2), True, raises="ValueError"
        ),
        Case.of(
            "mask of another shape",
            np.ones(2),
            np.ones(3, dtype=bool),
            0.5,
            np.ones(2),
            True,
            raises="ValueError",
        ),
        Case.of(
            "upstream of another shape",
            np.ones((2, 2)),
            np.ones((2, 2), dtype=bool),
            0.5,
            np.ones(4),
            True,
            raises="ValueError",
        ),
    ]
