"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "more stages than layers": answered(args(lambda c, n: n > len(c) > 0)),
    "a single stage": answered(args(lambda c, n: n == 1 and len(c) > 1)),
    "zero-cost layers": answered(args(lambda c, n: 0 in c)),
    "no layers": answered(empty(0)),
    "zero stages, refused": refused(args(lambda c, n: n < 1)),
}
