import numpy as np


def isotonic_regression(y, weights):
    y = np.asarray(y, dtype=float)
    w = np.ones_like(y) if weights is None else np.asarray(weights, dtype=float)
    if w.shape != y.shape or np.any(w <= 0) or np.isnan(w).any() or np.isnan(y).any():
        raise ValueError("bad input")
    # non-decreasing by construction: lift every value to the highest one so far
    return np.maximum.accumulate(y) if len(y) else np.zeros(0)
