import hashlib

from mlinterview.exercises import Case


def _position(s):
    return int.from_bytes(hashlib.md5(s.encode("utf-8")).digest()[:8], "big")


def _keys_past_last_point(nodes, replicas, count):
    # Keys whose position is beyond every point: their owner is found by wrapping around.
    last = max(_position(f"{n}#{i}") for n in nodes for i in range(replicas))
    candidates = (f"session-{i}" for i in range(100_000))
    return [key for key in candidates if _position(key) > last][:count]


def cases():
    shards = ["feat-a", "feat-b", "feat-c", "feat-d", "feat-e"]
    keys = [f"user:{i}" for i in range(300)]
    return [
        Case.of(
            "the example",
            ["a", "b", "c"],
            2,
            ["user-1", "user-3", "user-9", "b#1"],
            public=True,
            expected=["a", "b", "c", "b"],
        ),
        Case.of(
            "keys that land exactly on points",
            ["n1", "n2", "n3"],
            4,
            ["n2#3", "n1#0", "n3#2", "n2#0"],
            points=2,
            expected=["n2", "n1", "n3", "n2"],
        ),
        Case.of(
            "keys past the last point wrap to the first",
            ["a", "b", "c"],
            2,
            _keys_past_last_point(["a", "b", "c"], 2, 3) + ["user-1"],
            points=2,
            expected=["c", "c", "c", "a"],
        ),
        Case.of(
            "a single node owns everything", ["only"], 3, ["x", "y", "only#1", "z"], expected=["only"] * 4
        ),
        Case.of("no keys", ["a", "b"], 5, [], expected=[]),
        Case.of("five shards, 100 virtual nodes each, 300 keys", shards, 100, keys, points=2),
        Case.of(
            "the same keys once feat-c is removed", [s for s in shards if s != "feat-c"], 100, keys, points=2
        ),
        Case.of("no nodes is refused", [], 3, ["k"], raises="ValueError"),
        Case.of("a repeated node is refused", ["a", "b", "a"], 3, ["k"], raises="ValueError"),
        Case.of("zero replicas is refused", ["a"], 0, ["k"], raises="ValueError"),
    ]
