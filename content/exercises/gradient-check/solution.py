import numpy as np


def _loss(X, y, W, lam):
    logits = X @ W
    logits = logits - logits.max(axis=1, keepdims=True)
    log_softmax = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return -log_softmax[np.arange(len(y)), y].mean() + 0.5 * lam * np.sum(W**2)


def gradient_check(X, y, W, lam, analytic, eps):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    W = np.array(W, dtype=float)  # a copy: perturbing it leaves the caller's array alone
    analytic = np.asarray(analytic, dtype=float)
    if eps <= 0 or lam < 0:
        raise ValueError("eps must be positive and lam non-negative")
    if W.ndim != 2 or analytic.shape != W.shape:
        raise ValueError("analytic must have the shape of W")
    if X.ndim != 2 or X.shape[1] != W.shape[0] or y.shape != (len(X),) or len(X) == 0:
        raise ValueError("X (n, d), y (n,) and W (d, c) do not agree")
    if y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= W.shape[1]:
        raise ValueError("classes must be ints in 0 .. c - 1")
    numerical = np.empty_like(W)
    for index in np.ndindex(W.shape):
        original = W[index]
        W[index] = original + eps
        plus = _loss(X, y, W, lam)
        W[index] = original - eps
        minus = _loss(X, y, W, lam)
        W[index] = original
        numerical[index] = (plus - minus) / (2 * eps)
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numerical)), 1e-8)
    rel = np.abs(analytic - numerical) / scale
    worst = np.unravel_index(int(np.argmax(rel)), rel.shape)
    return float(rel[worst]), tuple(int(i) for i in worst)
