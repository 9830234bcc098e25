import numpy as np


def kfold_indices(n, k):
    if k < 2 or k > n:
        raise ValueError("k must be between 2 and n")
    indices = np.arange(n)
    sizes = [n // k + (1 if fold < n % k else 0) for fold in range(k)]
    pairs = []
    start = 0
    for size in sizes:
        test = indices[start : start + size]
        train = np.concatenate([indices[:start], indices[start + size :]])
        pairs.append((train, test))
        start += size
    return pairs
