import numpy as np

from mlinterview.exercises import Case


def _workers(n_shards, total, seed):
    rng = np.random.default_rng(seed)
    owner = rng.integers(0, n_shards, size=total)
    times = rng.integers(0, total // 4, size=total)  # coarse clock: many equal timestamps
    shards = [[] for _ in range(n_shards)]
    for shard, t in zip(owner.tolist(), times.tolist(), strict=True):
        shards[shard].append(t)
    # Sort each shard's times; event ids are random so they never agree with the tie order.
    return [[[t, f"e{int(rng.integers(0, 10**9)):09d}"] for t in sorted(times_)] for times_ in shards]


def cases():
    return [
        Case.of(
            "three shards, one empty",
            [[[1, "a"], [4, "b"]], [[1, "c"], [2, "d"]], []],
            public=True,
            expected=[[1, "a"], [1, "c"], [2, "d"], [4, "b"]],
        ),
        Case.of(
            "ties ordered by shard, not by id",
            [[(5, "z")], [(5, "m"), (6, "a")], [(5, "b")]],
            expected=[[5, "z"], [5, "m"], [5, "b"], [6, "a"]],
        ),
        Case.of(
            "ties within a shard keep their order",
            [[[2.5, "q"], [2.5, "p"], [3.0, "o"]], [[1.0, "x"], [2.5, "a"]]],
            expected=[[1.0, "x"], [2.5, "q"], [2.5, "p"], [2.5, "a"], [3.0, "o"]],
        ),
        Case.of(
            "one shard outlasts the others",
            [[[1, "a"]], [[2, "b"], [3, "c"], [9, "d"], [10, "e"]]],
            expected=[[1, "a"], [2, "b"], [3, "c"], [9, "d"], [10, "e"]],
        ),
        Case.of(
            "empty shards among full ones",
            [[], [[3, "a"]], [], [[1, "b"], [3, "c"]]],
            expected=[[1, "b"], [3, "a"], [3, "c"]],
        ),
        Case.of("a single shard", [[[0, "a"], [7, "b"]]], expected=[[0, "a"], [7, "b"]]),
        Case.of("only empty shards", [[], [], []], expected=[]),
        Case.of("no shards", [], expected=[]),
        Case.of("two hundred workers", _workers(200, 60_000, 13), points=2),
        Case.of("a shard out of order", [[[1, "a"], [3, "b"]], [[4, "c"], [2, "d"]]], raises="ValueError"),
    ]
