import numpy as np


def _average_ranks(values):
    order = np.argsort(values, kind="stable")
    sorted_values = values[order]
    ranks = np.empty(len(values))
    start = 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and sorted_values[end + 1] == sorted_values[start]:
            end += 1
        # positions start..end hold equal values: they share the mean of ranks start+1 .. end+1
        ranks[order[start : end + 1]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def spearman(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError("x and y must be 1-D of the same length")
    if len(x) < 2:
        raise ValueError("need at least two observations")
    if np.isnan(x).any() or np.isnan(y).any():
        raise ValueError("NaN values have no rank")
    rx = _average_ranks(x)
    ry = _average_ranks(y)
    dx, dy = rx - rx.mean(), ry - ry.mean()
    spread = np.sqrt(np.sum(dx**2) * np.sum(dy**2))
    if spread == 0:
        return float("nan")
    return float(np.sum(dx * dy) / spread)
