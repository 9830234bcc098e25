import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(17)
    names = np.array([f"city_{i:02d}" for i in range(20)])
    big_train = rng.choice(names[:16], size=300)
    big_values = rng.choice(names, size=500)
    return [
        Case.of(
            "colours with one unseen",
            ["red", "green", "blue", "green"],
            ["green", "red", "purple"],
            public=True,
            expected=np.array([[0, 1, 0], [0, 0, 1], [0, 0, 0]]),
        ),
        Case.of(
            "integer categories",
            [3, 1, 2],
            [2, 2, 3],
            public=True,
            expected=np.array([[0, 1, 0], [0, 1, 0], [0, 0, 1]]),
        ),
        Case.of(
            "numeric order, not first-seen order",
            [10, 2, 33, 2],
            [33, 2, 10],
            expected=np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0]]),
        ),
        Case.of(
            "unseen values between and around known ones",
            ["a", "c"],
            ["b", "c", "d", "", "a"],
            points=2,
            expected=np.array([[0, 0], [0, 1], [0, 0], [0, 0], [1, 0]]),
        ),
        Case.of("every value unseen", [1, 1, 1], [4, 5], expected=np.array([[0], [0]])),
        Case.of("no values to encode", ["x", "y"], [], expected=np.zeros((0, 2), dtype=np.int64)),
        Case.of("no training values", [], ["x", "y"], expected=np.zeros((2, 0), dtype=np.int64)),
        Case.of("five hundred values, twenty cities", big_train, big_values, points=2),
    ]
