"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _conv_leftover(x: Any, w: Any, _b: Any, stride: int, padding: int) -> bool:
    (_, _, h, width), (_, _, kh, kw) = np.shape(x), np.shape(w)
    return (h + 2 * padding - kh) % stride != 0 or (width + 2 * padding - kw) % stride != 0


EDGES: dict[str, Edge] = {
    "a kernel that a flip changes": answered(
        args(lambda x, w, b, s, p: not np.array_equal(w, np.asarray(w)[:, :, ::-1, ::-1]))
    ),
    "zero padding": answered(args(lambda x, w, b, s, p: p > 0)),
    "a stride that leaves rows or columns unused": answered(args(_conv_leftover)),
    "an empty batch": answered(empty(0)),
    "channel counts differ, refused": refused(args(lambda x, w, b, s, p: np.shape(x)[1] != np.shape(w)[1])),
    "a kernel larger than the input, refused": refused(
        args(lambda x, w, b, s, p: np.shape(w)[2] > np.shape(x)[2] + 2 * p)
    ),
    "a stride below one, refused": refused(args(lambda x, w, b, s, p: s < 1)),
}
