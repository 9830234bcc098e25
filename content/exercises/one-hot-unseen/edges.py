"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty

EDGES: dict[str, Edge] = {
    "no values to encode": empty(1),
    "no training values": empty(0),
    "every value unseen": args(lambda train, values: len(values) > 0 and not set(values) & set(train)),
}
