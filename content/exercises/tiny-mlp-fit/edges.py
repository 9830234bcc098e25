"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args

EDGES: dict[str, Edge] = {
    "three classes": answered(args(lambda X, y: int(y.max()) == 2)),
    "features far from zero": answered(args(lambda X, y: float(X.abs().mean()) >= 100)),
    "a class with under a fifth of the rows": answered(
        args(lambda X, y: int(y.bincount().min()) * 5 < len(y))
    ),
}
