import numpy as np


def fit_ridge(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if alpha < 0 or X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    beta = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return beta[:-1], float(beta[-1])
