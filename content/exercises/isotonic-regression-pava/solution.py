import numpy as np


def isotonic_regression(y, weights):
    y = np.asarray(y, dtype=float)
    w = np.ones_like(y) if weights is None else np.asarray(weights, dtype=float)
    if y.ndim != 1 or w.shape != y.shape:
        raise ValueError("y and weights must be 1-D of the same length")
    if np.isnan(y).any() or np.isnan(w).any():
        raise ValueError("NaN values")
    if np.any(w <= 0):
        raise ValueError("weights must be positive")
    means, totals, sizes = [], [], []  # one entry per block
    for value, weight in zip(y, w, strict=True):
        means.append(value)
        totals.append(weight)
        sizes.append(1)
        while len(means) > 1 and means[-1] < means[-2]:
            mean, total, size = means.pop(), totals.pop(), sizes.pop()
            merged = totals[-1] + total
            means[-1] = (means[-1] * totals[-1] + mean * total) / merged
            totals[-1] = merged
            sizes[-1] += size
    return np.repeat(np.array(means, dtype=float), sizes)
