"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "a key padding mask": answered(args(lambda q, k, v, p, h, m=None: m is not None and bool(m.any()))),
    "several heads": answered(args(lambda q, k, v, p, h, m=None: h > 1)),
    "one head per feature": answered(args(lambda q, k, v, p, h, m=None: h == q.shape[-1])),
    "more keys than queries": answered(args(lambda q, k, v, p, h, m=None: k.shape[1] > q.shape[1])),
    "a single query": answered(args(lambda q, k, v, p, h, m=None: q.shape[1] == 1)),
    "heads that do not divide the width, refused": refused(
        args(lambda q, k, v, p, h, m=None: q.shape[-1] % h)
    ),
    "every key of a batch element masked, refused": refused(
        args(lambda q, k, v, p, h, m=None: m is not None and bool(m.all(dim=1).any()))
    ),
}
