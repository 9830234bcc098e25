"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import torch

from mlinterview.exercises.edges import Edge, answered, args, refused


def _inside(tokens, lengths):
    return torch.arange(tokens.shape[1])[None, :] < lengths[:, None]


def _counted(tokens, lengths, padding_idx):
    inside = _inside(tokens, lengths)
    return inside if padding_idx is None else inside & (tokens != padding_idx)


EDGES: dict[str, Edge] = {
    "a padding token inside a non-empty bag": answered(
        args(
            lambda w, t, n, p=None: (
                p is not None and bool((_inside(t, n) & (t == p)).any(1)[_counted(t, n, p).any(1)].any())
            )
        )
    ),
    "real ids after a bag's length": answered(
        args(lambda w, t, n, p=None: bool((~_inside(t, n) & (t != (-1 if p is None else p))).any()))
    ),
    "a bag of length 0": answered(args(lambda w, t, n, p=None: bool((n == 0).any()))),
    "a bag of padding tokens only": answered(
        args(lambda w, t, n, p=None: bool(((n > 0) & ~_counted(t, n, p).any(1)).any()))
    ),
    "a padding id other than 0": answered(args(lambda w, t, n, p=None: p is not None and p != 0)),
    "no padding id": answered(args(lambda w, t, n, p=None: p is None)),
    "float64 embeddings": answered(args(lambda w, t, n, p=None: w.dtype == torch.float64)),
    "a token id outside the table, refused": refused(
        args(lambda w, t, n, p=None: bool(((t[_inside(t, n)] < 0) | (t[_inside(t, n)] >= len(w))).any())),
        "IndexError",
    ),
    "a negative token id inside a bag, refused": refused(
        args(lambda w, t, n, p=None: bool((t[_inside(t, n)] < 0).any())),
        "IndexError",
    ),
    "a length past T, refused": refused(args(lambda w, t, n, p=None: bool((n > t.shape[1]).any()))),
    "a negative length, refused": refused(args(lambda w, t, n, p=None: bool((n < 0).any()))),
}
