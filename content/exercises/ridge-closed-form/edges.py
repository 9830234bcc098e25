"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _collinear(X: Any, _y: Any, _alpha: float) -> bool:
    X = np.asarray(X, dtype=float)
    return len(X) >= X.shape[1] and np.linalg.matrix_rank(X) < X.shape[1]


EDGES: dict[str, Edge] = {
    "a single sample": answered(one_row(0)),
    "collinear features": answered(args(_collinear)),
    "alpha of zero": answered(args(lambda X, y, alpha: alpha == 0)),
    "negative alpha, refused": refused(args(lambda X, y, alpha: alpha < 0)),
    "no samples, refused": refused(empty(0)),
    "y of another length, refused": refused(args(lambda X, y, alpha: len(X) != len(y))),
}
