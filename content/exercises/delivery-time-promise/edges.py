"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "more rainy orders than in training": args(
        lambda X, y, T: T["raining"].mean() > X["raining"].mean() + 0.1
    ),
}
