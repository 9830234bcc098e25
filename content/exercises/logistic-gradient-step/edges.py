"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, all_equal, answered, args, empty, one_row, refused


def _largest_score(w: Any, b: float, X: Any, _y: Any, _lr: float) -> float:
    X = np.asarray(X, dtype=float)
    return float(np.abs(X @ np.asarray(w, dtype=float) + b).max()) if len(X) else 0.0


EXP_OVERFLOWS = 709.8  # math.exp of anything larger overflows a float


EDGES: dict[str, Edge] = {
    "a single sample": answered(one_row(2)),
    "scores where exp overflows": answered(args(lambda *a: _largest_score(*a) > EXP_OVERFLOWS)),
    "labels of one class": answered(all_equal(3)),
    "no rows, refused": refused(empty(2)),
}
