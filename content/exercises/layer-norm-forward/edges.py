"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "a constant vector": answered(
        args(lambda x, g, b, *eps: x.shape[-1] > 1 and bool((x.amax(-1) == x.amin(-1)).any()))
    ),
    "a variance comparable to eps": answered(
        args(
            lambda x, g, b, *eps: bool(
                ((x.var(-1, correction=0) > 0) & (x.var(-1, correction=0) < 1e-3)).any()
            )
        )
    ),
    "values near ten thousand": answered(args(lambda x, g, b, *eps: float(x.abs().min()) >= 1000)),
    "a single feature": answered(args(lambda x, g, b, *eps: x.shape[-1] == 1)),
    "no batch dimension": answered(args(lambda x, g, b, *eps: x.dim() == 1)),
    "gamma or beta of the wrong size, refused": refused(
        args(lambda x, g, b, *eps: tuple(g.shape) != x.shape[-1:] or tuple(b.shape) != x.shape[-1:])
    ),
}
