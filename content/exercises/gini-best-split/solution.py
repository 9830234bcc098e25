import numpy as np


def _gini(counts):
    total = counts.sum()
    return 1.0 - float(((counts / total) ** 2).sum())


def best_split(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y)
    if x.ndim != 1 or len(x) == 0:
        raise ValueError("x must be a non-empty 1-D array")
    if y.shape != x.shape:
        raise ValueError("x and y must have the same length")
    _, codes = np.unique(y, return_inverse=True)
    n_classes = int(codes.max()) + 1
    values = np.unique(x)
    n = len(x)
    best = None
    for low, high in zip(values[:-1], values[1:], strict=True):
        threshold = (low + high) / 2
        left = x <= threshold
        left_counts = np.bincount(codes[left], minlength=n_classes)
        right_counts = np.bincount(codes[~left], minlength=n_classes)
        n_left = int(left.sum())
        score = n_left / n * _gini(left_counts) + (n - n_left) / n * _gini(right_counts)
        if best is None or score < best[1] - 1e-12:  # a tie keeps the earlier, smaller threshold
            best = (float(threshold), float(score))
    return best
