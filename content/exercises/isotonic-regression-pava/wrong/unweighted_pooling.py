import numpy as np


def isotonic_regression(y, weights):
    y = np.asarray(y, dtype=float)
    if weights is not None:
        w = np.asarray(weights, dtype=float)
        if w.shape != y.shape or np.any(w <= 0) or np.isnan(w).any():
            raise ValueError("bad weights")
    if np.isnan(y).any():
        raise ValueError("NaN")
    blocks = []  # lists of values; a block's fit is the plain mean of its values
    for value in y:
        blocks.append([value])
        while len(blocks) > 1 and np.mean(blocks[-1]) < np.mean(blocks[-2]):
            last = blocks.pop()
            blocks[-1].extend(last)
    return np.concatenate([np.full(len(b), np.mean(b)) for b in blocks]) if blocks else np.zeros(0)
