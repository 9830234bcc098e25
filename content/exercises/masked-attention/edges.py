"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args

EDGES: dict[str, Edge] = {
    "a query with every key masked": answered(
        args(lambda q, k, v, m: m is not None and bool((~m.expand(*q.shape[:-1], k.shape[-2])).all(-1).any()))
    ),
    "a mask broadcast to the scores": answered(
        args(lambda q, k, v, m: m is not None and tuple(m.shape) != (*q.shape[:-1], k.shape[-2]))
    ),
    "no mask": answered(args(lambda q, k, v, m: m is None)),
    "batch and head dimensions": answered(args(lambda q, k, v, m: q.dim() >= 4)),
    "scores large enough to overflow exp": answered(
        args(lambda q, k, v, m: float(q.abs().max() * k.abs().max()) >= 1e4)
    ),
}
