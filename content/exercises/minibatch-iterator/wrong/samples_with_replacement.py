import numpy as np


def minibatches(X, y, batch_size, shuffle, drop_last, seed):
    X, y = np.asarray(X), np.asarray(y)
    if batch_size < 1 or len(X) != len(y):
        raise ValueError("bad input")
    n = len(X)
    order = np.random.default_rng(seed).choice(n, size=n) if shuffle and n else np.arange(n)
    batches = []
    for start in range(0, n, batch_size):
        index = order[start : start + batch_size]
        if drop_last and len(index) < batch_size:
            break
        batches.append((X[index], y[index]))
    return batches
