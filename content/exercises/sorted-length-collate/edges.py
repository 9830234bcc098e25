"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _lengths(batch):
    return [len(t) for t, _ in batch]


def _not_an_involution(batch, pad=0):
    """The sorting permutation is not its own inverse (a 3-cycle, say)."""
    order = sorted(range(len(batch)), key=lambda i: -len(batch[i][0]))
    return any(order[order[i]] != i for i in range(len(order)))


EDGES: dict[str, Edge] = {
    "ties in length among unequal ones": answered(
        args(lambda batch, pad=0: len(set(_lengths(batch))) < len(batch) and len(set(_lengths(batch))) > 1)
    ),
    "a permutation that is not its own inverse": answered(args(_not_an_involution)),
    "an empty sequence among others": answered(
        args(lambda batch, pad=0: 0 in _lengths(batch) and any(_lengths(batch)))
    ),
    "every sequence empty": answered(args(lambda batch, pad=0: bool(batch) and not any(_lengths(batch)))),
    "every sequence of one length": answered(
        args(lambda batch, pad=0: len(batch) > 1 and len(set(_lengths(batch))) == 1)
    ),
    "a single example": answered(one_row(0)),
    "no examples, refused": refused(empty(0)),
}
