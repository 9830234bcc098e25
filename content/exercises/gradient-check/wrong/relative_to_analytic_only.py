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
            old = W[p, q]
            W[p, q] = old + eps
            plus = _loss(X, y, W, lam)
            W[p, q] = old - eps
            minus = _loss(X, y, W, lam)
            W[p, q] = old
            numerical[p, q] = (plus - minus) / (2 * eps)
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(analytic - numerical) / np.abs(analytic)  # error relative to the analytic value
    p, q = np.unravel_index(np.argmax(rel), rel.shape)
    return float(rel[p, q]), (int(p), int(q))
