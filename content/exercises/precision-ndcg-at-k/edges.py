"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "equal scores": answered(args(lambda s, r, k: len(set(s)) < len(s))),
    "k larger than the list": answered(args(lambda s, r, k: k > len(s) > 0)),
    "no relevant items": answered(args(lambda s, r, k: len(r) > 0 and not any(r))),
    "an empty list": answered(empty(0)),
    "k below one, refused": refused(args(lambda s, r, k: k < 1)),
    "lengths differ, refused": refused(args(lambda s, r, k: len(s) != len(r))),
    "negative relevance, refused": refused(args(lambda s, r, k: any(v < 0 for v in r))),
}
