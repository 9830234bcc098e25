"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "width one": answered(args(lambda w, seeds, updates, queries: w == 1 and bool(updates))),
    "a single row": answered(args(lambda w, seeds, updates, queries: len(seeds) == 1 and bool(queries))),
    "a count of zero": answered(args(lambda w, seeds, updates, queries: any(c == 0 for _, c in updates))),
    "a key in several updates": answered(
        args(lambda w, seeds, updates, queries: len({k for k, _ in updates}) < len(updates))
    ),
    "a query of a key never added": answered(
        args(
            lambda w, seeds, updates, queries: bool(set(queries) - {k for k, _ in updates}) and bool(updates)
        )
    ),
    "no updates": answered(empty(2)),
    "no queries": answered(empty(3)),
    "width below one, refused": refused(args(lambda w, seeds, updates, queries: w < 1)),
    "no seeds, refused": refused(args(lambda w, seeds, updates, queries: not seeds)),
    "a negative count, refused": refused(
        args(lambda w, seeds, updates, queries: any(c < 0 for _, c in updates))
    ),
}
