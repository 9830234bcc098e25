import numpy as np


def fit_logistic_l2(X, y, lam, lr, tol, max_iter):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(X) == 0 or y.shape != (len(X),) or lam < 0:
        raise ValueError("bad input")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    w, b, updates = np.zeros(X.shape[1]), 0.0, 0
    for _ in range(max_iter):
        z = np.clip(X @ w + b, -500, 500)
        residual = 1 / (1 + np.exp(-z)) - y
        g_w = X.T @ residual / len(X) + lam * w
        g_b = residual.mean()
        step_w, step_b = lr * g_w, lr * g_b
        if np.sqrt(step_w @ step_w + step_b**2) < tol:  # the size of the step, not of the gradient
            break
        w, b, updates = w - step_w, b - step_b, updates + 1
    return w, float(b), updates
