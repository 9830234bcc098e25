import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(13)
    big_train = rng.normal(3.0, 2.0, size=(300, 5))
    big_train[:, 2] = 7.0
    big_test = rng.normal(4.0, 3.0, size=(40, 5))
    root_1_5 = np.sqrt(1.5)
    return [
        Case.of(
            "two columns, one constant",
            [[1, 10], [3, 10], [5, 10]],
            [[3, 0], [7, 10]],
            public=True,
            expected=(
                np.array([[-root_1_5, 0.0], [0.0, 0.0], [root_1_5, 0.0]]),
                np.array([[0.0, -10.0], [np.sqrt(6.0), 0.0]]),
            ),
        ),
        Case.of(
            "unit spread",
            [[0, 1], [2, 3]],
            [[1, 5]],
            public=True,
            expected=(np.array([[-1.0, -1.0], [1.0, 1.0]]), np.array([[0.0, 3.0]])),
        ),
        Case.of(
            "a single training row",
            np.array([[4.0, -2.0]]),
            np.array([[5.0, 0.0], [4.0, -2.0]]),
            expected=(np.array([[0.0, 0.0]]), np.array([[1.0, 2.0], [0.0, 0.0]])),
        ),
        Case.of(
            "test far from train",
            np.array([[0.0], [2.0]]),
            np.array([[10.0], [20.0], [30.0]]),
            expected=(np.array([[-1.0], [1.0]]), np.array([[9.0], [19.0], [29.0]])),
        ),
        Case.of(
            "constant in train, varied in test",
            np.array([[2.0, 1.0], [2.0, 3.0]]),
            np.array([[0.0, 2.0], [4.0, 2.0]]),
            points=2,
            expected=(np.array([[0.0, -1.0], [0.0, 1.0]]), np.array([[-2.0, 0.0], [2.0, 0.0]])),
        ),
        Case.of("empty test set", np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 0.0]]), np.empty((0, 3))),
        Case.of("larger data with a constant column", big_train, big_test, points=2),
    ]
