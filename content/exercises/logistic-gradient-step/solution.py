import numpy as np


def _sigmoid(z):
    """Logistic function that never exponentiates a positive number."""
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return out


def logistic_step(w, b, X, y, lr):
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    if n == 0:
        raise ValueError("X has no rows")
    error = _sigmoid(X @ w + b) - y
    grad_w = X.T @ error / n
    grad_b = error.mean()
    return w - lr * grad_w, float(b - lr * grad_b)
