"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _has_tie_at_cut(scored, k):
    ranked = sorted((s for _, s in scored), reverse=True)
    return 0 < k < len(ranked) and ranked[k - 1] == ranked[k]


EDGES: dict[str, Edge] = {
    "a tie at the cutoff": answered(args(_has_tie_at_cut)),
    "k larger than the list": answered(args(lambda scored, k: k > len(scored) > 0)),
    "k of zero": answered(args(lambda scored, k: k == 0)),
    "no items": answered(empty(0)),
    "negative k, refused": refused(args(lambda scored, k: k < 0)),
}
