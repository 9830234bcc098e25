import numpy as np


def spearman(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape or len(x) < 2 or np.isnan(x).any() or np.isnan(y).any():
        raise ValueError("bad input")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    # rank by position in the sorted order: ties get different ranks
    rx = np.argsort(np.argsort(x, kind="stable"), kind="stable") + 1.0
    ry = np.argsort(np.argsort(y, kind="stable"), kind="stable") + 1.0
    return float(np.corrcoef(rx, ry)[0, 1])
