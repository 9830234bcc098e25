"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "an odd width": answered(args(lambda length, d, *base: d % 2 == 1 and d > 1)),
    "a width of one": answered(args(lambda length, d, *base: d == 1)),
    "no positions": answered(args(lambda length, d, *base: length == 0)),
    "a base other than 10000": answered(args(lambda length, d, *base: bool(base) and base[0] != 10000.0)),
    "a negative length, refused": refused(args(lambda length, d, *base: length < 0)),
    "a width below one, refused": refused(args(lambda length, d, *base: d < 1)),
}
