import numpy as np


def _sigmoid(z):
    # exp of a non-positive number only: never overflows
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def fit_logistic_l2(X, y, lam, lr, tol, max_iter):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a 2-D array with at least one row")
    if y.shape != (X.shape[0],):
        raise ValueError("y must hold one label per row of X")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if lam < 0:
        raise ValueError("lam must be non-negative")
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    updates = 0
    while True:
        residual = _sigmoid(X @ w + b) - y
        g_w = X.T @ residual / n + lam * w
        g_b = float(residual.mean())
        if np.sqrt(np.sum(g_w**2) + g_b**2) < tol or updates >= max_iter:
            break
        w = w - lr * g_w
        b = b - lr * g_b
        updates += 1
    return w, float(b), updates
