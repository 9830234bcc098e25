"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _distinct(X: Any) -> int:
    X = np.asarray(X, dtype=float)
    return len(np.unique(X, axis=0)) if X.ndim == 2 and len(X) else 0


EDGES: dict[str, Edge] = {
    "duplicate rows": answered(args(lambda X, k, seed: 0 < _distinct(X) < len(X))),
    "k equal to the number of distinct rows, with duplicates": answered(
        args(lambda X, k, seed: k == _distinct(X) < len(X))
    ),
    "k of one": answered(args(lambda X, k, seed: k == 1)),
    "a single point": answered(one_row(0)),
    "k above the number of distinct rows, refused": refused(
        args(lambda X, k, seed: k >= 1 and len(X) > 0 and k > _distinct(X))
    ),
    "X that is not 2-D, refused": refused(args(lambda X, k, seed: np.ndim(X) != 2)),
    "k below one, refused": refused(args(lambda X, k, seed: k < 1)),
    "no rows, refused": refused(empty(0)),
}
