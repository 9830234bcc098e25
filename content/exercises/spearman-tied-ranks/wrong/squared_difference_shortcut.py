import numpy as np


def rankdata(values):
    """Average ranks: each distinct value gets the mean of the positions it covers."""
    uniques, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return ((ends - counts + 1 + ends) / 2)[inverse]


def spearman(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape or len(x) < 2 or np.isnan(x).any() or np.isnan(y).any():
        raise ValueError("bad input")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    d = rankdata(x) - rankdata(y)
    n = len(x)
    return float(1 - 6 * np.sum(d**2) / (n * (n**2 - 1)))
