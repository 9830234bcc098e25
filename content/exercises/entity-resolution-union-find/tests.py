import numpy as np

from mlinterview.exercises import Case


def _customers(n, pairs, seed):
    rng = np.random.default_rng(seed)
    ids = [f"c{i:06d}" for i in rng.permutation(n)]
    # Matches mostly between nearby positions, so that chains and larger entities form.
    left = rng.integers(0, n, size=pairs)
    right = np.clip(left + rng.integers(-3, 4, size=pairs), 0, n - 1)
    return ids, [(ids[a], ids[b]) for a, b in zip(left.tolist(), right.tolist(), strict=True)]


def cases():
    ids, matches = _customers(30_000, 22_000, 23)
    return [
        Case.of(
            "a chain across the list",
            ["r1", "r2", "r3", "r4", "r5"],
            [("r4", "r2"), ("r5", "r1"), ("r2", "r5")],
            public=True,
            expected=[["r1", "r2", "r4", "r5"], ["r3"]],
        ),
        Case.of(
            "two entities and a loner",
            ["d", "a", "c", "b", "e"],
            [("e", "c"), ("b", "d")],
            expected=[["a"], ["b", "d"], ["c", "e"]],
        ),
        Case.of(
            "a chain reported backwards",
            ["p1", "p2", "p3", "p4"],
            [["p3", "p4"], ["p2", "p3"], ["p1", "p2"]],
            expected=[["p1", "p2", "p3", "p4"]],
        ),
        Case.of(
            "two groups joined by a later match",
            ["a", "b", "c", "d", "e", "f"],
            [("b", "a"), ("c", "a"), ("e", "d"), ("f", "d"), ("c", "f")],
            expected=[["a", "b", "c", "d", "e", "f"]],
        ),
        Case.of(
            "repeated, reversed and self pairs",
            ["x", "y", "z"],
            [("x", "y"), ("y", "x"), ("x", "y"), ("z", "z")],
            expected=[["x", "y"], ["z"]],
        ),
        Case.of("no matches", ["b", "c", "a"], [], expected=[["a"], ["b"], ["c"]]),
        Case.of("no records", [], [], expected=[]),
        Case.of("thirty thousand customers", ids, matches, points=2),
        Case.of("an unknown id is refused", ["a", "b"], [("a", "q")], raises="ValueError"),
    ]
