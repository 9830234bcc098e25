"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "slates to rank, their slot empty": args(lambda X, y, T: bool(T["slot"].isna().all())),
}
