"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _budget_met_exactly(scores, candidates, max_fpr):
    n = len(scores)
    return any(sum(s >= t for s in scores) / n == max_fpr for t in candidates)


EDGES: dict[str, Edge] = {
    "a score equal to a candidate": answered(args(lambda s, c, b: bool(set(s) & set(c)))),
    "a budget met exactly": answered(args(_budget_met_exactly)),
    "no candidate meets it": answered(
        args(lambda s, c, b: bool(c) and sum(x >= c[-1] for x in s) / len(s) > b)
    ),
    "no candidates": answered(empty(1)),
    "no negative scores, refused": refused(empty(0)),
}
