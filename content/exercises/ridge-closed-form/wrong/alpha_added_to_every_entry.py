import numpy as np


def fit_ridge(X, y, alpha):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if alpha < 0 or X.ndim != 2 or X.size == 0 or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    coef = np.linalg.solve(Xc.T @ Xc + alpha, Xc.T @ (y - y_mean))
    return coef, float(y_mean - x_mean @ coef)
