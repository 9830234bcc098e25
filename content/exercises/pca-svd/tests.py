import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(16)
    mixing = np.array(
        [[3.0, 1.0, 0.0, 0.5], [0.0, 1.5, 0.5, 0.0], [0.0, 0.0, 0.6, 0.2], [0.0, 0.0, 0.0, 0.2]]
    )
    big_X = rng.normal(0.0, 1.0, size=(150, 4)) @ mixing + np.array([10.0, -5.0, 2.0, 0.0])
    wide_X = rng.normal(0.0, 1.0, size=(3, 5)) + 4.0
    return [
        Case.of(
            "points on a line",
            [[0, 0], [2, 0], [4, 0]],
            1,
            public=True,
            expected=(np.array([[1.0, 0.0]]), np.array([1.0]), np.array([[-2.0], [0.0], [2.0]])),
        ),
        Case.of(
            "a direction with a negative largest entry",
            np.array([[1.0, 9.0], [2.0, 7.0], [3.0, 5.0], [4.0, 3.0], [5.0, 1.0]]),
            1,
            points=2,
            # the data lie on y = 11 - 2x: direction (1, -2) / sqrt(5), flipped to (-1, 2) / sqrt(5)
            expected=(
                np.array([[-1.0, 2.0]]) / np.sqrt(5.0),
                np.array([1.0]),
                np.array([[2.0], [1.0], [0.0], [-1.0], [-2.0]]) * np.sqrt(5.0),
            ),
        ),
        Case.of(
            "two components of data away from the origin",
            np.array([[10.0, 1.0], [12.0, 1.5], [14.0, 0.5], [16.0, 1.0], [18.0, 1.2]]),
            2,
            points=2,
        ),
        Case.of(
            "a constant column",
            np.array([[1.0, 5.0, 0.0], [2.0, 5.0, 1.0], [4.0, 5.0, 1.0], [7.0, 5.0, 3.0]]),
            2,
        ),
        Case.of("more features than samples", wide_X, 2),
        Case.of("150 samples, 4 features, 3 components", big_X, 3, points=2),
        Case.of("a single sample", [[1.0, 2.0]], 1, raises="ValueError"),
        Case.of("all rows equal", [[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]], 1, raises="ValueError"),
        Case.of(
            "more components than features", [[1.0, 2.0], [3.0, 1.0], [0.0, 0.0]], 3, raises="ValueError"
        ),
        Case.of("zero components", [[1.0, 2.0], [3.0, 1.0]], 0, raises="ValueError"),
    ]
