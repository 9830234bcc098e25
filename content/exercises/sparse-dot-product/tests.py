import numpy as np

from mlinterview.exercises import Case


def _hashed(n, seed):
    rng = np.random.default_rng(seed)
    # A shared pool of indices, so the vectors overlap and indices repeat within a vector.
    pool = rng.integers(0, 2**40, size=n // 4)
    a_idx = rng.choice(pool, size=n).tolist()
    b_idx = rng.choice(pool, size=n).tolist()
    a_val = np.round(rng.uniform(0.0, 2.0, size=n), 3).tolist()
    b_val = np.round(rng.uniform(0.0, 2.0, size=n), 3).tolist()
    return a_idx, a_val, b_idx, b_val


def cases():
    return [
        Case.of(
            "a repeated index", [5, 1, 5], [2.0, 1.0, 1.0], [5, 9], [4.0, 7.0], public=True, expected=12.0
        ),
        Case.of("sorted, no repeats", [0, 2, 4], [1.0, 2.0, 3.0], [1, 2, 4], [5.0, -1.0, 0.5], expected=-0.5),
        Case.of(
            "unsorted, no repeats",
            [40, 3, 17, 8],
            [1.0, 2.0, 3.0, 4.0],
            [8, 17, 40, 2],
            [1.0, 1.0, 1.0, 9.0],
            expected=8.0,
        ),
        Case.of("repeats in both", [7, 7, 2], [1, 2, 5], [7, 2, 7, 7], [1, 1, 1, 2], expected=17.0),
        Case.of("repeats that cancel", [4, 4, 6], [2.5, -2.5, 1.0], [4, 6], [10.0, 3.0], expected=3.0),
        Case.of("nothing shared", [1, 2], [1.0, 1.0], [3, 4], [1.0, 1.0], expected=0.0),
        Case.of("empty vectors", [], [], [], [], expected=0.0),
        Case.of("huge indices", [2**40 - 1, 12], [3.0, 1.0], [2**40 - 1], [2.0], expected=6.0),
        Case.of("sixty thousand entries each", *_hashed(60_000, 8), points=2),
        Case.of("lengths differ", [1, 2], [1.0], [1], [1.0], raises="ValueError"),
    ]
