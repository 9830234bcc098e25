"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _residuals(y_pred, y_true) -> np.ndarray:
    return np.abs(np.asarray(y_pred, dtype=float) - np.asarray(y_true, dtype=float))


EDGES: dict[str, Edge] = {
    "a residual exactly at delta": answered(
        args(lambda p, t, delta: bool(np.any(_residuals(p, t) == delta)))
    ),
    "residuals beyond delta": answered(args(lambda p, t, delta: bool(np.any(_residuals(p, t) > delta)))),
    "a delta other than one": answered(args(lambda p, t, delta: delta != 1.0)),
    "a residual of zero": answered(args(lambda p, t, delta: bool(np.any(_residuals(p, t) == 0.0)))),
    "a 2-D input": answered(args(lambda p, t, delta: np.ndim(p) == 2)),
    "delta not positive, refused": refused(args(lambda p, t, delta: delta <= 0)),
    "shapes differ, refused": refused(args(lambda p, t, delta: np.shape(p) != np.shape(t))),
    "empty arrays, refused": refused(empty(0)),
}
