"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "a partial last batch, kept": answered(
        args(lambda X, y, b, s, drop, seed: len(X) % b and not drop and s)
    ),
    "a partial last batch, dropped": answered(args(lambda X, y, b, s, drop, seed: len(X) % b and drop and s)),
    "n a multiple of batch_size": answered(args(lambda X, y, b, *rest: len(X) > b and len(X) % b == 0)),
    "batch_size larger than n, dropped (no batch at all)": answered(
        args(lambda X, y, b, s, drop, seed: 0 < len(X) < b and drop)
    ),
    "labels with a second axis": answered(args(lambda X, y, *rest: y.ndim == 2)),
    "no examples": answered(empty(0)),
    "a batch_size below one, refused": refused(args(lambda X, y, b, *rest: b < 1)),
    "lengths differ, refused": refused(args(lambda X, y, *rest: len(X) != len(y))),
}
