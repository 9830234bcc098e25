"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "a swap of neighbours": args(lambda a, b: len(a) == len(b) == 2 and a == b[::-1] and a != b),
    "one string empty": args(lambda a, b: (a == "") != (b == "")),
    "both empty": args(lambda a, b: a == b == ""),
    "case differs": args(lambda a, b: a != b and a.lower() == b.lower()),
}
