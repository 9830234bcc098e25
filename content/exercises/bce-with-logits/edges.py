"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "logits of magnitude 1000": answered(args(lambda x, y: float(x.abs().max()) >= 1000)),
    "a logit of exactly zero": answered(args(lambda x, y: bool((x == 0).any()))),
    "soft targets": answered(args(lambda x, y: bool(((y > 0) & (y < 1)).any()))),
    "a single element": answered(args(lambda x, y: x.numel() == 1)),
    "no elements, refused": refused(args(lambda x, y: x.numel() == 0)),
    "shapes differ, refused": refused(args(lambda x, y: x.shape != y.shape)),
}
