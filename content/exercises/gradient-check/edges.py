"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, one_row, refused


def _exact(X: Any, y: Any, W: Any, lam: float) -> np.ndarray:
    z = X @ W
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1.0
    return X.T @ p / len(y) + lam * W


def _zero_gradient(X: Any, y: Any, W: Any, lam: float, analytic: Any, eps: float) -> bool:
    return bool(np.any((_exact(X, y, W, lam) == 0.0) & (np.asarray(analytic) == 0.0)))


def _correct(X: Any, y: Any, W: Any, lam: float, analytic: Any, eps: float) -> bool:
    return bool(np.allclose(analytic, _exact(X, y, W, lam), rtol=1e-12, atol=0.0))


EDGES: dict[str, Edge] = {
    "a correct gradient (errors are rounding noise)": answered(args(_correct)),
    "a wrong gradient": answered(args(lambda *a: not _correct(*a))),
    "a weight whose gradient is exactly zero": answered(args(_zero_gradient)),
    "a single example": answered(one_row(0)),
    "eps not positive, refused": refused(args(lambda X, y, W, lam, g, eps: eps <= 0)),
    "lam negative, refused": refused(args(lambda X, y, W, lam, g, eps: lam < 0)),
    "X and W that disagree, refused": refused(
        args(lambda X, y, W, lam, g, eps: np.shape(X)[1] != np.shape(W)[0])
    ),
    "analytic of another shape, refused": refused(
        args(lambda X, y, W, lam, g, eps: np.shape(g) != np.shape(W))
    ),
}
