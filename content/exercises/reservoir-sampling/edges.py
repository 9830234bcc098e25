"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "stream shorter than k": answered(args(lambda s, k, seed: 0 < len(s) < k)),
    "stream exactly k long": answered(args(lambda s, k, seed: len(s) == k)),
    "k of zero": answered(args(lambda s, k, seed: k == 0)),
    "empty stream": answered(empty(0)),
    "repeated items": answered(args(lambda s, k, seed: len(set(s)) < len(s) and len(s) > k)),
    "negative k, refused": refused(args(lambda s, k, seed: k < 0)),
}
