"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, one_row, refused


def _pca_sign_flipped(X: Any, k: int) -> bool:
    X = np.asarray(X, dtype=float)
    Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)[2][:k]
    return bool(np.any(Vt[np.arange(len(Vt)), np.abs(Vt).argmax(axis=1)] < 0))


EDGES: dict[str, Edge] = {
    "a component whose sign must be flipped": answered(args(_pca_sign_flipped)),
    "a constant column": answered(args(lambda X, k: bool(np.any(np.ptp(X, axis=0) == 0)))),
    "more features than samples": answered(args(lambda X, k: np.shape(X)[1] > len(X))),
    "every component kept": answered(args(lambda X, k: k == min(np.shape(X)))),
    "a single sample, refused": refused(one_row(0)),
    "all rows equal, refused": refused(args(lambda X, k: len(X) > 1 and np.ptp(X, axis=0).max() == 0)),
    "k outside 1 .. min(n, d), refused": refused(args(lambda X, k: not 1 <= k <= min(np.shape(X)))),
}
