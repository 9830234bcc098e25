import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(12)
    big_x = rng.normal(5.0, 3.0, size=(64, 6))
    big_gamma = rng.uniform(0.5, 2.0, size=6)
    big_beta = rng.normal(0.0, 1.0, size=6)
    big_rm = rng.normal(0.0, 1.0, size=6)
    big_rv = rng.uniform(0.5, 2.0, size=6)
    return [
        Case.of(
            "training on two samples",
            np.array([[1.0], [3.0]]),
            np.ones(1),
            np.zeros(1),
            np.zeros(1),
            np.ones(1),
            True,
            0.1,
            0.0,
            public=True,
            expected=(np.array([[-1.0], [1.0]]), np.array([0.2]), np.array([1.1])),
        ),
        Case.of(
            "evaluation uses the running statistics",
            np.array([[2.0, 0.0], [4.0, 1.0], [6.0, -1.0]]),
            np.array([2.0, 1.0]),
            np.array([0.5, 0.0]),
            np.array([4.0, 1.0]),
            np.array([4.0, 0.25]),
            False,
            0.1,
            0.0,
            public=True,
            expected=(
                np.array([[-1.5, -2.0], [0.5, 0.0], [2.5, -4.0]]),
                np.array([4.0, 1.0]),
                np.array([4.0, 0.25]),
            ),
        ),
        Case.of(
            "training, three samples, gamma and beta",
            np.array([[0.0, 10.0], [3.0, 10.0], [6.0, 13.0]]),
            np.array([2.0, 1.0]),
            np.array([1.0, -1.0]),
            np.array([1.0, 10.0]),
            np.array([2.0, 1.0]),
            True,
            0.25,
            1e-5,
            points=2,
        ),
        Case.of(
            "a constant feature in training",
            np.array([[7.0, 1.0], [7.0, 2.0], [7.0, 3.0], [7.0, 6.0]]),
            np.ones(2),
            np.array([0.5, 0.0]),
            np.zeros(2),
            np.ones(2),
            True,
            0.1,
            1e-3,
        ),
        Case.of(
            "momentum of one forgets the past",
            np.array([[1.0, 2.0], [2.0, 4.0], [6.0, 0.0]]),
            np.ones(2),
            np.zeros(2),
            np.array([100.0, -100.0]),
            np.array([50.0, 50.0]),
            True,
            1.0,
            1e-5,
        ),
        Case.of(
            "a batch of 64 in training", big_x, big_gamma, big_beta, big_rm, big_rv, True, 0.1, 1e-5, points=2
        ),
        Case.of("a batch of 64 in evaluation", big_x, big_gamma, big_beta, big_rm, big_rv, False, 0.1, 1e-5),
        Case.of(
            "a single sample in evaluation",
            np.array([[1.0, 2.0]]),
            np.ones(2),
            np.zeros(2),
            np.array([1.0, 1.0]),
            np.array([4.0, 1.0]),
            False,
            0.1,
            0.0,
            expected=(np.array([[0.0, 1.0]]), np.array([1.0, 1.0]), np.array([4.0, 1.0])),
        ),
        Case.of(
            "an empty batch in evaluation",
            np.empty((0, 2)),
            np.ones(2),
            np.zeros(2),
            np.zeros(2),
            np.ones(2),
            False,
            0.1,
            1e-5,
            expected=(np.empty((0, 2)), np.zeros(2), np.ones(2)),
        ),
        Case.of(
            "a single sample in training",
            np.array([[1.0, 2.0]]),
            np.ones(2),
            np.zeros(2),
            np.zeros(2),
            np.ones(2),
            True,
            0.1,
            1e-5,
            raises="ValueError",
        ),
        Case.of(
            "gamma of another length",
            np.ones((3, 2)),
            np.ones(3),
            np.zeros(2),
            np.zeros(2),
            np.ones(2),
            False,
            0.1,
            1e-5,
            raises="ValueError",
        ),
    ]
