"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import torch

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "some rows ignored": answered(args(lambda x, t, eps, ig: bool((t == ig).any()))),
    "an ignore_index that is a real class": answered(args(lambda x, t, eps, ig: 0 <= ig < x.shape[1])),
    "logits of magnitude 1000": answered(args(lambda x, t, eps, ig: float(x.abs().max()) >= 1000)),
    "smoothing of 1": answered(args(lambda x, t, eps, ig: eps == 1.0)),
    "no smoothing": answered(args(lambda x, t, eps, ig: eps == 0.0)),
    "a single row": answered(args(lambda x, t, eps, ig: x.shape[0] == 1)),
    "float64 logits": answered(args(lambda x, t, eps, ig: x.dtype == torch.float64)),
    "every target ignored, refused": refused(args(lambda x, t, eps, ig: bool((t == ig).all()))),
    "smoothing below 0, refused": refused(args(lambda x, t, eps, ig: eps < 0)),
    "smoothing above 1, refused": refused(args(lambda x, t, eps, ig: eps > 1)),
}
