import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(12)
    walk = np.round(np.cumsum(rng.normal(size=300_000)), 3).tolist()
    noisy = rng.integers(-50, 50, size=2_000).tolist()
    return [
        Case.of(
            "eight values, window of three",
            [1, 3, -1, -3, 5, 3, 6, 7],
            3,
            public=True,
            expected=[3, 3, 5, 5, 6, 7],
        ),
        Case.of("window of one", [4, -2, 7], 1, expected=[4, -2, 7]),
        Case.of("window as long as the list", [2, 9, 4, 1], 4, expected=[9]),
        Case.of("window longer than the list", [2, 9, 4], 4, expected=[]),
        Case.of("empty list", [], 2, expected=[]),
        Case.of("decreasing values", [9, 8, 7, 6, 5, 4], 2, expected=[9, 8, 7, 6, 5]),
        Case.of("repeated maxima", [5, 5, 1, 5, 1, 1, 1, 0], 3, expected=[5, 5, 5, 5, 1, 1]),
        Case.of("small integers, window of seven", noisy, 7),
        Case.of("300 thousand values, window of five thousand", walk, 5_000, points=2),
        Case.of("window of zero", [1, 2, 3], 0, raises="ValueError"),
    ]
