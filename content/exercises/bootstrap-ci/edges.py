"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, non_finite, one_row, refused

EDGES: dict[str, Edge] = {
    "no values, refused": refused(empty(0)),
    "NaN or infinity, refused": refused(non_finite(0)),
    "a single value": answered(one_row(0)),
    "fewer than one resample, refused": refused(args(lambda v, n, c, s: n < 1)),
    "confidence of one, refused": refused(args(lambda v, n, c, s: c >= 1)),
}
