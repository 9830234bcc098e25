"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused

EDGES: dict[str, Edge] = {
    "real tokens equal to the padding value": answered(
        args(lambda batch, pad=0: any(bool((t == pad).any()) for t, _ in batch))
    ),
    "an empty sequence among others": answered(
        args(lambda batch, pad=0: any(len(t) == 0 for t, _ in batch) and any(len(t) for t, _ in batch))
    ),
    "every sequence empty": answered(
        args(lambda batch, pad=0: bool(batch) and not any(len(t) for t, _ in batch))
    ),
    "a shorter sequence before a longer one": answered(
        args(
            lambda batch, pad=0: any(
                len(a) < len(b) for (a, _), (b, _) in zip(batch, batch[1:], strict=False)
            )
        )
    ),
    "a padding value other than 0": answered(args(lambda batch, pad=0: pad != 0)),
    "a single example": answered(one_row(0)),
    "no examples, refused": refused(empty(0)),
}
