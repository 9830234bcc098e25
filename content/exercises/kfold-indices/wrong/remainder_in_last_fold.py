import numpy as np


def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("k must be between 2 and n")
    indices = np.arange(n)
    size = n // k
    pairs = []
    for fold in range(k):
        start = fold * size
        stop = n if fold == k - 1 else start + size
        test = indices[start:stop]
        train = np.concatenate([indices[:start], indices[stop:]])
        pairs.append((train, test))
    return pairs
