import numpy as np


def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("k must be between 2 and n")
    indices = np.arange(n)
    pairs = []
    start = 0
    for fold in range(k):
        size = n // k + (1 if fold < n % k else 0)
        test = indices[start : start + size]
        train = np.concatenate([indices[start + size :], indices[:start]])
        pairs.append((train, test))
        start += size
    return pairs
