"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _meets_tolerance_at_start(X, y, lam, lr, tol, max_iter) -> bool:
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    residual = 0.5 - y
    gradient = np.append(X.T @ residual / len(X), residual.mean())
    return bool(np.linalg.norm(gradient) < tol)


def _separable_far_out(X, y, lam, lr, tol, max_iter) -> bool:
    X = np.asarray(X, dtype=float)
    return lam < 1e-3 and float(np.abs(X).max()) > 50


EDGES: dict[str, Edge] = {
    "an unbalanced base rate (the intercept matters)": answered(
        args(lambda X, y, *rest: len(y) > 1 and abs(float(np.mean(y)) - 0.5) > 0.25)
    ),
    "stopped by max_iter": answered(args(lambda X, y, lam, lr, tol, max_iter: max_iter <= 30 and tol < 1e-9)),
    "the starting point meets the tolerance": answered(args(_meets_tolerance_at_start)),
    "max_iter of zero": answered(args(lambda *a: a[5] == 0)),
    "large scores": answered(args(_separable_far_out)),
    "a single example": answered(one_row(0)),
    "no rows, refused": refused(empty(0)),
    "a label other than 0 or 1, refused": refused(args(lambda X, y, *rest: any(v not in (0, 1) for v in y))),
    "a negative penalty, refused": refused(args(lambda X, y, lam, *rest: lam < 0)),
    "lengths differ, refused": refused(args(lambda X, y, *rest: len(X) != len(y))),
}
