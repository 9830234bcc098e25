import numpy as np


def logistic_step(w, b, X, y, lr):
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(X) == 0:
        raise ValueError("empty")
    z = np.clip(X @ w + b, -500, 500)
    p = 1 / (1 + np.exp(-z))
    grad_w = X.T @ (y - p) / len(y)
    grad_b = np.mean(y - p)
    return w - lr * grad_w, float(b - lr * grad_b)
