import numpy as np


def isotonic_regression(y, weights):
    y = np.asarray(y, dtype=float)
    w = np.ones_like(y) if weights is None else np.asarray(weights, dtype=float)
    if w.shape != y.shape or np.any(w <= 0) or np.isnan(w).any() or np.isnan(y).any():
        raise ValueError("bad input")
    means, totals, sizes = [], [], []
    for value, weight in zip(y, w, strict=True):
        if means and value < means[-1]:
            # merge the new value into the last block, but never look further back
            total = totals[-1] + weight
            means[-1] = (means[-1] * totals[-1] + value * weight) / total
            totals[-1] = total
            sizes[-1] += 1
        else:
            means.append(value)
            totals.append(weight)
            sizes.append(1)
    return np.repeat(np.array(means, dtype=float), sizes)
