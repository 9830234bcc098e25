"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "a None among the gradients": answered(
        args(lambda gs, c: any(g is None for g in gs) and any(g is not None for g in gs))
    ),
    "a norm already below max_norm": answered(
        args(lambda gs, c: 0 < sum(float((g**2).sum()) for g in gs if g is not None) ** 0.5 < c)
    ),
    "gradients all zero": answered(
        args(lambda gs, c: bool(gs) and all(g is not None and not g.any() for g in gs))
    ),
    "only None": answered(args(lambda gs, c: bool(gs) and all(g is None for g in gs))),
    "an empty list": answered(empty(0)),
    "max_norm not positive, refused": refused(args(lambda gs, c: c <= 0)),
}
