import numpy as np

from mlinterview.exercises import Case


def _put(key, value):
    return ["put", key, value]


def _get(key):
    return ["get", key]


def _workload(n, keys, seed):
    rng = np.random.default_rng(seed)
    # Skewed key popularity, about half reads and half writes, like a cache in front of a model.
    popular = np.minimum(rng.zipf(1.3, size=n), keys) - 1
    operations = []
    for i, (key, write) in enumerate(zip(popular.tolist(), (rng.random(n) < 0.5).tolist(), strict=True)):
        operations.append(_put(f"k{key}", i) if write else _get(f"k{key}"))
    return operations


def cases():
    return [
        Case.of(
            "reading refreshes a key",
            2,
            [_put("a", 1), _put("b", 2), _get("a"), _put("c", 3), _get("b"), _get("a"), _get("c")],
            public=True,
            expected=[1, None, 1, 3],
        ),
        Case.of(
            "a get of a key never stored",
            1,
            [_get("x"), _put("x", 5), _get("x"), _get("y")],
            expected=[None, 5, None],
        ),
        Case.of(
            "reads keep a key alive",
            3,
            [
                _put("a", 1),
                _put("b", 2),
                _put("c", 3),
                _get("a"),
                _put("d", 4),
                _get("a"),
                _get("b"),
                _get("d"),
            ],
            expected=[1, 1, None, 4],
        ),
        Case.of(
            "without reads the oldest goes",
            2,
            [_put(1, "one"), _put(2, "two"), _put(3, "three"), _get(1), _get(2), _get(3)],
            expected=[None, "two", "three"],
        ),
        Case.of(
            "an update refreshes the key",
            2,
            [_put("a", 1), _put("b", 2), _put("a", 10), _put("c", 3), _get("a"), _get("b"), _get("c")],
            expected=[10, None, 3],
        ),
        Case.of(
            "an update of a full cache evicts nothing",
            2,
            [_put("a", 1), _put("b", 2), _put("b", 20), _get("a"), _get("b")],
            expected=[1, 20],
        ),
        Case.of(
            "capacity zero stores nothing",
            0,
            [_put("a", 1), _get("a"), _put("a", 2), _get("a")],
            expected=[None, None],
        ),
        Case.of("no operations", 3, [], expected=[]),
        Case.of("a thousand operations, capacity 8", 8, _workload(1_000, 40, 4)),
        Case.of("a hundred thousand operations, capacity 500", 500, _workload(100_000, 5_000, 9), points=2),
        Case.of("negative capacity is refused", -1, [_put("a", 1)], raises="ValueError"),
    ]
