import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(3)
    big_true = rng.integers(0, 5, size=200)
    big_pred = np.where(rng.random(200) < 0.6, big_true, rng.integers(0, 5, size=200))
    return [
        Case.of(
            "three integer classes",
            [0, 1, 1, 2],
            [0, 2, 1, 2],
            public=True,
            expected=np.array([[1, 0, 0], [0, 1, 1], [0, 0, 1]]),
        ),
        Case.of(
            "string labels",
            ["cat", "dog", "cat"],
            ["dog", "dog", "cat"],
            public=True,
            expected=np.array([[1, 1], [0, 1]]),
        ),
        Case.of(
            "a label that is only predicted",
            [1, 1, 1],
            [1, 3, 1],
            expected=np.array([[2, 1], [0, 0]]),
        ),
        Case.of(
            "given labels keep their order and drop other values",
            [2, 0, 1, 2, 5, 0],
            [2, 1, 1, 0, 2, 0],
            [2, 0],
            points=2,
            expected=np.array([[1, 1], [0, 1]]),
        ),
        Case.of("single class", [7, 7, 7], [7, 7, 7], expected=np.array([[3]])),
        Case.of("empty without labels", [], [], expected=np.zeros((0, 0), dtype=np.int64)),
        Case.of("empty with labels", [], [], ["a", "b"], expected=np.zeros((2, 2), dtype=np.int64)),
        Case.of("two hundred samples, five classes", big_true, big_pred),
        Case.of("lengths differ", [0, 1, 1], [0, 1], raises="ValueError"),
    ]
