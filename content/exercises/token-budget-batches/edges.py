"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _cost_exactly_at_budget(lengths, max_tokens, max_batch):
    ordered = sorted(lengths)
    return any((k + 1) * ordered[k] == max_tokens for k in range(min(len(ordered), max_batch)))


EDGES: dict[str, Edge] = {
    "no sequences": answered(empty(0)),
    "a single sequence": answered(args(lambda lengths, t, b: len(lengths) == 1)),
    "a padded cost exactly at the budget": answered(args(_cost_exactly_at_budget)),
    "a sequence as long as the budget": answered(args(lambda lengths, t, b: t in lengths)),
    "the batch-size cap binding": answered(
        args(lambda lengths, t, b: len(lengths) > b and min(lengths) * (b + 1) <= t)
    ),
    "equal lengths": answered(args(lambda lengths, t, b: len(set(lengths)) < len(lengths))),
    "a sequence longer than the budget, refused": refused(
        args(lambda lengths, t, b: any(n > t for n in lengths))
    ),
    "a budget below one, refused": refused(args(lambda lengths, t, b: t < 1)),
    "a batch cap below one, refused": refused(args(lambda lengths, t, b: b < 1)),
}
