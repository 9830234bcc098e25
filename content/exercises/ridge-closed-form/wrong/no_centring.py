import numpy as np


def fit_ridge(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if alpha < 0 or X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    coef = np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)
    intercept = float(y.mean() - X.mean(axis=0) @ coef)
    return coef, intercept
