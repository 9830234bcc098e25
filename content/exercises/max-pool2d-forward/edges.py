"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _windows(x: Any, kernel: int, stride: int, padding: int) -> list[np.ndarray]:
    xp = np.pad(
        np.asarray(x, dtype=float),
        ((0, 0), (0, 0), (padding, padding), (padding, padding)),
        constant_values=-np.inf,
    )
    h_out = (xp.shape[2] - kernel) // stride + 1
    w_out = (xp.shape[3] - kernel) // stride + 1
    return [
        xp[b, c, i * stride : i * stride + kernel, j * stride : j * stride + kernel]
        for b in range(xp.shape[0])
        for c in range(xp.shape[1])
        for i in range(h_out)
        for j in range(w_out)
    ]


def _tie_in_a_window(x: Any, kernel: int, stride: int, padding: int) -> bool:
    return any(
        np.count_nonzero(window == window.max()) > 1 for window in _windows(x, kernel, stride, padding)
    )


def _padding_beats_zero(x: Any, kernel: int, stride: int, padding: int) -> bool:
    """Padding next to negative values: zero padding would win a window."""
    return padding > 0 and float(np.max(x)) < 0


def _leftover(x: Any, kernel: int, stride: int, padding: int) -> bool:
    return (np.shape(x)[2] + 2 * padding - kernel) % stride != 0


EDGES: dict[str, Edge] = {
    "overlapping windows (a cell counted more than once)": answered(args(lambda x, k, s, p: s < k)),
    "ties inside a window": answered(args(_tie_in_a_window)),
    "padding next to negative values": answered(args(_padding_beats_zero)),
    "rows left over by the stride": answered(args(_leftover)),
    "an empty batch": answered(empty(0)),
    "padding above half the window, refused": refused(args(lambda x, k, s, p: p > k // 2)),
    "a kernel below one, refused": refused(args(lambda x, k, s, p: k < 1)),
    "negative padding, refused": refused(args(lambda x, k, s, p: p < 0)),
    "stride below one, refused": refused(args(lambda x, k, s, p: s < 1)),
    "a window larger than the padded image, refused": refused(
        args(lambda x, k, s, p: np.ndim(x) == 4 and k > np.shape(x)[2] + 2 * p)
    ),
    "input that is not 4-D, refused": refused(args(lambda x, k, s, p: np.ndim(x) != 4)),
}
