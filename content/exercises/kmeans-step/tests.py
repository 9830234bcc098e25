import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(44)
    blobs = np.array([[0.0, 0.0, 0.0], [6.0, 0.0, 1.0], [0.0, 7.0, -2.0], [5.0, 5.0, 5.0]])
    big_X = np.repeat(blobs, 75, axis=0) + rng.normal(0.0, 1.5, size=(300, 3))
    big_centroids = big_X[rng.choice(300, size=5, replace=False)]
    return [
        Case.of(
            "two clear groups",
            [[0, 0], [1, 0], [9, 9], [10, 9]],
            [[0, 1], [8, 8]],
            public=True,
            expected=(np.array([0, 0, 1, 1]), np.array([[0.5, 0.0], [9.5, 9.0]])),
        ),
        Case.of(
            "one centroid gets no points",
            [[1.0], [2.0], [10.0], [11.0], [12.0]],
            [[0.0], [5.0], [11.0]],
            public=True,
            expected=(np.array([0, 0, 2, 2, 2]), np.array([[1.5], [5.0], [11.0]])),
        ),
        Case.of(
            "a point halfway between two centroids",
            np.array([[2.0, 0.0], [0.0, 0.0], [4.0, 0.0]]),
            np.array([[0.0, 0.0], [4.0, 0.0]]),
            points=2,
            expected=(np.array([0, 0, 1]), np.array([[1.0, 0.0], [4.0, 0.0]])),
        ),
        Case.of(
            "duplicate centroids",
            np.array([[0.0, 0.0], [2.0, 2.0], [1.0, 3.0]]),
            np.array([[1.0, 1.0], [1.0, 1.0]]),
            expected=(np.array([0, 0, 0]), np.array([[1.0, 5 / 3], [1.0, 1.0]])),
        ),
        Case.of(
            "assignments use the old centroids",
            np.array([[0.0, 0.0], [6.0, 0.0], [9.0, 0.0]]),
            np.array([[5.0, 0.0], [8.0, 0.0]]),
            expected=(np.array([0, 0, 1]), np.array([[3.0, 0.0], [9.0, 0.0]])),
        ),
        Case.of(
            "far centroid left empty",
            np.array([[0.0, 0.0], [1.0, 1.0]]),
            np.array([[0.0, 0.0], [100.0, -100.0]]),
            expected=(np.array([0, 0]), np.array([[0.5, 0.5], [100.0, -100.0]])),
        ),
        Case.of(
            "no points",
            np.empty((0, 2)),
            np.array([[1.0, 2.0], [3.0, 4.0]]),
            expected=(np.zeros(0, dtype=np.int64), np.array([[1.0, 2.0], [3.0, 4.0]])),
        ),
        Case.of("300 points, five centroids", big_X, big_centroids, points=2),
        Case.of("no centroids", np.array([[1.0, 2.0]]), np.empty((0, 2)), raises="ValueError"),
        Case.of(
            "column counts differ", np.array([[1.0, 2.0]]), np.array([[1.0, 2.0, 3.0]]), raises="ValueError"
        ),
    ]
