import numpy as np

from mlinterview.exercises import Case


def _stream(n, seed):
    rng = np.random.default_rng(seed)
    # Skewed ids, as in click logs: a few heavy hitters and a long tail.
    ids = np.minimum(rng.zipf(1.4, size=n), 400)
    counts = rng.integers(0, 6, size=n)
    return [(f"id{int(i)}", int(c)) for i, c in zip(ids, counts, strict=True)]


def cases():
    stream = _stream(300, 18)
    queries = [f"id{i}" for i in range(1, 41)] + ["never-seen-1", "never-seen-2"]
    return [
        Case.of(
            "the example",
            4,
            [1, 2],
            [("cat", 3), ("dog", 1), ("cat", 2), ("ant", 4)],
            ["cat", "dog", "ant", "pig"],
            public=True,
            expected=[5, 1, 4, 4],
        ),
        Case.of(
            "collisions in some rows only",
            4,
            [1, 2],
            [("bee", 2), ("cow", 5), ("emu", 1), ("yak", 7), ("hen", 3)],
            ["bee", "cow", "emu", "yak", "hen", "gnu", "owl"],
            points=2,
        ),
        Case.of(
            "width one: every estimate is the total",
            1,
            [3, 7, 11],
            [("a", 2), ("b", 5), ("a", 1)],
            ["a", "b", "z"],
            expected=[8, 8, 8],
        ),
        Case.of(
            "a single row, zero counts, a key never added",
            8,
            [42],
            [("x", 0), ("y", 4), ("x", 0), ("y", 2)],
            ["x", "y", "w"],
        ),
        Case.of("no updates", 16, [1, 2, 3], [], ["a", "b"], expected=[0, 0]),
        Case.of("no queries", 16, [1, 2, 3], [("a", 1)], [], expected=[]),
        Case.of("300 skewed updates, width 32, four rows", 32, [11, 23, 37, 41], stream, queries, points=2),
        Case.of("width zero is refused", 0, [1], [("a", 1)], ["a"], raises="ValueError"),
        Case.of("no seeds is refused", 8, [], [("a", 1)], ["a"], raises="ValueError"),
        Case.of("a negative count is refused", 8, [1, 2], [("a", 3), ("a", -1)], ["a"], raises="ValueError"),
    ]
