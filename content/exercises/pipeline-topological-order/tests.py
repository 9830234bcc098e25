import numpy as np

from mlinterview.exercises import Case


def _big_dag(n, edges, seed):
    rng = np.random.default_rng(seed)
    names = [f"step{i:05d}" for i in rng.permutation(n)]  # topological rank unrelated to the name
    pairs = set()
    while len(pairs) < edges:
        a, b = sorted(rng.integers(0, n, size=2).tolist())
        if a != b:
            pairs.add((a, b))
    shuffled = [names[i] for i in rng.permutation(n)]
    return shuffled, [(names[a], names[b]) for a, b in sorted(pairs)]


def cases():
    steps, deps = _big_dag(20_000, 50_000, 17)
    return [
        Case.of(
            "a small training pipeline",
            ["train", "load", "clean", "split", "report"],
            [("load", "clean"), ("clean", "split"), ("split", "train"), ("load", "report")],
            public=True,
            expected=["load", "clean", "report", "split", "train"],
        ),
        Case.of(
            "a late step unlocks an early name",
            ["a", "b", "c", "d"],
            [("d", "a"), ("b", "c")],
            expected=["b", "c", "d", "a"],
        ),
        Case.of(
            "diamond with a side branch",
            ["fit", "eval", "feat_a", "feat_b", "raw", "docs"],
            [("raw", "feat_a"), ("raw", "feat_b"), ("feat_a", "fit"), ("feat_b", "fit"), ("fit", "eval")],
            expected=["docs", "raw", "feat_a", "feat_b", "fit", "eval"],
        ),
        Case.of(
            "repeated dependencies",
            ["x", "y", "z"],
            [["z", "x"], ["z", "x"], ["x", "y"], ["z", "x"]],
            expected=["z", "x", "y"],
        ),
        Case.of("no dependencies", ["m", "c", "x", "a"], [], expected=["a", "c", "m", "x"]),
        Case.of("no steps", [], [], expected=[]),
        Case.of("twenty thousand steps", steps, deps, points=2),
        Case.of(
            "a cycle is refused",
            ["load", "clean", "train"],
            [("load", "clean"), ("clean", "train"), ("train", "clean")],
            raises="ValueError",
        ),
        Case.of(
            "a step that needs itself is refused", ["a", "b"], [("a", "b"), ("b", "b")], raises="ValueError"
        ),
        Case.of("an unknown step is refused", ["a", "b"], [("a", "c")], raises="ValueError"),
    ]
