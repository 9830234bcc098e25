"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "even window": answered(args(lambda v, k: k % 2 == 0 and k <= len(v))),
    "window longer than the list": answered(args(lambda v, k: k > len(v) > 0)),
    "empty list": answered(empty(0)),
    "k below one, refused": refused(args(lambda v, k: k < 1)),
}
