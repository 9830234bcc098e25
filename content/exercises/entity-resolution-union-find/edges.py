"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "an unmatched record": answered(
        args(lambda ids, m: len(ids) > 0 and any(i not in {x for p in m for x in p} for i in ids))
    ),
    "repeated, reversed and self pairs": answered(args(lambda ids, m: any(a == b for a, b in m))),
    "no records": answered(empty(0)),
    "an unknown id, refused": refused(args(lambda ids, m: any(x not in ids for p in m for x in p))),
}
