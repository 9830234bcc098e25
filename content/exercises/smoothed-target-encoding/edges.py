"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty, one_row

EDGES: dict[str, Edge] = {
    "a single training row": one_row(0),
    "an empty test set": empty(2),
    "alpha of zero": args(lambda cat, y, test, alpha: alpha == 0),
    "a missing value in train": args(lambda cat, y, test, alpha: None in cat),
    "a missing value in test": args(lambda cat, y, test, alpha: None in test),
    "a test category unseen in training": args(
        lambda cat, y, test, alpha: any(v is not None and v not in cat for v in test)
    ),
}
