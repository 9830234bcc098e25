"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "window of one": answered(args(lambda v, k: k == 1)),
    "window longer than the list": answered(args(lambda v, k: k > len(v) > 0)),
    "empty list": answered(empty(0)),
    "repeated maxima": answered(args(lambda v, k: len(v) > len(set(v)))),
    "k below one, refused": refused(args(lambda v, k: k < 1)),
}
