"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, args, empty

EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "a NULL revenue": args(lambda rows, n: any(r[2] is None for r in rows)),
    "a category with only NULL revenues": args(
        lambda rows, n: any(all(r[2] is None for r in rows if r[0] == c) for c, _, _ in rows)
    ),
    "equal revenues in a category": args(
        lambda rows, n: (
            len({(r[0], r[2]) for r in rows if r[2] is not None}) < sum(r[2] is not None for r in rows)
        )
    ),
    "n above a category's size": args(
        lambda rows, n: any(sum(r[0] == c for r in rows) < n for c, _, _ in rows)
    ),
    "a single category": args(lambda rows, n: len({r[0] for r in rows}) == 1),
}
