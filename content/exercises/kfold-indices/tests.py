import numpy as np

from mlinterview.exercises import Case


def cases():
    return [
        Case.of(
            "five samples, two folds",
            5,
            2,
            public=True,
            expected=[(np.array([3, 4]), np.array([0, 1, 2])), (np.array([0, 1, 2]), np.array([3, 4]))],
        ),
        Case.of("ten samples, three folds", 10, 3, public=True),
        Case.of(
            "leave one out",
            4,
            4,
            expected=[
                (np.array([1, 2, 3]), np.array([0])),
                (np.array([0, 2, 3]), np.array([1])),
                (np.array([0, 1, 3]), np.array([2])),
                (np.array([0, 1, 2]), np.array([3])),
            ],
        ),
        Case.of("remainder spread over the first folds", 11, 4, points=2),
        Case.of("many samples", 1000, 7),
        Case.of("k of one is refused", 5, 1, raises="ValueError"),
        Case.of("more folds than samples is refused", 3, 4, raises="ValueError"),
    ]
