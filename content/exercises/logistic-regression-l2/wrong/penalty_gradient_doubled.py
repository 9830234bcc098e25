import numpy as np


def fit_logistic_l2(X, y, lam, lr, tol, max_iter):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(X) == 0 or y.shape != (len(X),) or lam < 0:
        raise ValueError("bad input")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    w, b, updates = np.zeros(X.shape[1]), 0.0, 0
    while True:
        z = np.clip(X @ w + b, -500, 500)
        residual = 1 / (1 + np.exp(-z)) - y
        g_w = X.T @ residual / len(X) + 2 * lam * w  # derivative of lam * |w|^2, not (lam / 2) * |w|^2
        g_b = residual.mean()
        if np.sqrt(g_w @ g_w + g_b**2) < tol or updates >= max_iter:
            return w, float(b), updates
        w, b, updates = w - lr * g_w, b - lr * g_b, updates + 1
