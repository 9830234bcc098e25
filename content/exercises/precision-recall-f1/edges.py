"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty, non_finite

EDGES: dict[str, Edge] = {
    "empty input": empty(0),
    "NaN scores": non_finite(1),
    "a score equal to the threshold": args(lambda y, s, t: t in list(s)),
    "no actual positives": args(lambda y, s, t: len(y) > 0 and not any(y)),
    "no predicted positives": args(lambda y, s, t: len(y) > 0 and not any(v >= t for v in s)),
}
