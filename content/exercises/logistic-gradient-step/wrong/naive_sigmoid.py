import numpy as np


def logistic_step(w, b, X, y, lr):
    w = np.asarray(w, dtype=float)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(X) == 0:
        raise ValueError("empty")
    ez = np.exp(X @ w + b)
    p = ez / (1 + ez)
    n = len(y)
    return w - lr * X.T @ (p - y) / n, float(b - lr * np.sum(p - y) / n)
