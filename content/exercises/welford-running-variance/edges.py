"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, all_equal, args, empty, one_row

EDGES: dict[str, Edge] = {
    "one value": one_row(0),
    "empty stream": empty(0),
    "constant values": all_equal(0),
    "values far from zero": args(lambda v: len(v) > 1 and min(v) > 1e8),
}
