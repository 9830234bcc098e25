import numpy as np


def logistic_step(w, b, X, y, lr):
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(X) == 0:
        raise ValueError("empty")
    z = X @ w + b
    p = np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))
    error = p - y
    return w - lr * (X.T @ error), float(b - lr * error.sum())
