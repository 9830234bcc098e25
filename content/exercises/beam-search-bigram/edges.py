"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, refused


def _equal_entries(table, *rest) -> bool:
    values = np.asarray(table, dtype=float).ravel()
    return len(np.unique(values)) < len(values)


EDGES: dict[str, Edge] = {
    "equal log-probabilities (ties)": answered(args(_equal_entries)),
    "a beam of one": answered(args(lambda t, s, e, width, n, norm: width == 1)),
    "a beam wider than the vocabulary": answered(args(lambda t, s, e, width, n, norm: width > len(t))),
    "the end token ends a beam at the first step": answered(
        args(lambda t, s, e, width, n, norm: int(np.argmax(t[s])) == e)
    ),
    "no end token before max_len": answered(args(lambda t, s, e, width, n, norm: np.max(t[:, e]) < -20)),
    "length normalisation": answered(args(lambda t, s, e, width, n, norm: norm and n > 1)),
    "max_len of one": answered(args(lambda t, s, e, width, n, norm: n == 1)),
    "a table that is not square, refused": refused(args(lambda t, *rest: np.shape(t)[0] != np.shape(t)[-1])),
    "a token id outside the vocabulary, refused": refused(
        args(lambda t, s, e, *rest: not (0 <= s < len(t) and 0 <= e < len(t)))
    ),
    "an end token outside the vocabulary, refused": refused(args(lambda t, s, e, *rest: not 0 <= e < len(t))),
    "a beam width below one, refused": refused(args(lambda t, s, e, width, n, norm: width < 1)),
    "max_len below one, refused": refused(args(lambda t, s, e, width, n, norm: n < 1)),
}
