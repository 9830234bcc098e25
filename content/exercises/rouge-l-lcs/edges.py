"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "an empty candidate": answered(empty(0)),
    "an empty reference": answered(empty(1)),
    "no token in common": answered(args(lambda c, r, beta: bool(c) and bool(r) and not set(c) & set(r))),
    "identical texts": answered(args(lambda c, r, beta: bool(c) and c == r)),
    "a repeated token": answered(args(lambda c, r, beta: len(set(c)) < len(c) and len(set(r)) < len(r))),
    "beta above one with unequal precision and recall": answered(
        args(lambda c, r, beta: beta > 1 and bool(c) and len(c) != len(r))
    ),
    "beta below one": answered(args(lambda c, r, beta: 0 < beta < 1)),
    "beta not positive, refused": refused(args(lambda c, r, beta: beta <= 0)),
}
