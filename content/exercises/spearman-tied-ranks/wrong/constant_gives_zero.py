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
    rx, ry = rankdata(x) - (len(x) + 1) / 2, rankdata(y) - (len(y) + 1) / 2
    spread = np.sqrt(np.sum(rx**2) * np.sum(ry**2))
    if spread == 0:
        return 0.0  # "no variation, so no correlation"
    return float(np.sum(rx * ry) / spread)
