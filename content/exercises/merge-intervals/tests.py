import numpy as np

from mlinterview.exercises import Case


def _spans(n, seed):
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, 40 * n, size=n)
    lengths = rng.integers(0, 30, size=n)
    return [[int(s), int(s + length)] for s, length in zip(starts, lengths, strict=True)]


def cases():
    return [
        Case.of(
            "unsorted, one pair touching",
            [[8, 10], [1, 3], [2, 6], [6, 7]],
            public=True,
            expected=[[1, 7], [8, 10]],
        ),
        Case.of("a gap keeps them apart", [[1, 3], [3.5, 5]], public=True, expected=[[1, 3], [3.5, 5]]),
        Case.of("a chain of touching intervals", [[5, 6], [3, 4], [4, 5], [1, 3]], expected=[[1, 6]]),
        Case.of(
            "nested intervals", [[1, 10], [2, 3], [4, 8], [12, 15], [13, 14]], expected=[[1, 10], [12, 15]]
        ),
        Case.of(
            "duplicates and single points",
            [[2, 2], [0, 1], [2, 2], [0, 1], [5, 5], [1, 1]],
            expected=[[0, 1], [2, 2], [5, 5]],
        ),
        Case.of(
            "floats and negatives",
            [[-2.5, -1.0], [-1.0, 0.25], [0.3, 0.4], [-10.0, -9.5]],
            expected=[[-10.0, -9.5], [-2.5, 0.25], [0.3, 0.4]],
        ),
        Case.of("empty input", [], expected=[]),
        Case.of("one interval", [(3, 9)], expected=[[3, 9]]),
        Case.of("forty thousand random spans", _spans(40_000, 5), points=2),
        Case.of("an interval ending before it starts", [[1, 2], [5, 4]], raises="ValueError"),
    ]
