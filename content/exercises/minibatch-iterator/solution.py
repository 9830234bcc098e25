import numpy as np


def minibatches(X, y, batch_size, shuffle, drop_last, seed):
    X, y = np.asarray(X), np.asarray(y)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if len(X) != len(y):
        raise ValueError("X and y must have the same number of examples")
    n = len(X)
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    end = n - n % batch_size if drop_last else n
    batches = []
    for start in range(0, end, batch_size):
        index = order[start : start + batch_size]
        batches.append((X[index], y[index]))
    return batches
