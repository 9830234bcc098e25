"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused


def _sizes(batches):
    return [len(y) for _, y in batches]


EDGES: dict[str, Edge] = {
    "micro-batches of different sizes": answered(
        args(lambda w, b, mb, lr: len({n for n in _sizes(mb) if n}) > 1)
    ),
    "a micro-batch with no rows": answered(
        args(lambda w, b, mb, lr: 0 in _sizes(mb) and sum(_sizes(mb)) > 0)
    ),
    "a single micro-batch": answered(args(lambda w, b, mb, lr: len(mb) == 1 and sum(_sizes(mb)) > 0)),
    "micro-batches of one row": answered(args(lambda w, b, mb, lr: len(mb) > 1 and set(_sizes(mb)) == {1})),
    "no rows at all, refused": refused(args(lambda w, b, mb, lr: sum(_sizes(mb)) == 0)),
}
