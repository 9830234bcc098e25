import numpy as np


def average_precision(y_true, scores):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    if y.ndim != 1 or s.shape != y.shape:
        raise ValueError("y_true and scores must be 1-D of the same length")
    if len(y) == 0:
        raise ValueError("no samples")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    y = y.astype(float)
    n_pos = y.sum()
    if n_pos == 0:
        raise ValueError("average precision is undefined without a positive label")
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    # the last position of each run of equal scores is where that threshold's step ends
    ends = np.flatnonzero(np.r_[s[1:] != s[:-1], True])
    tp = np.cumsum(y)[ends]
    predicted = ends + 1.0
    precision = tp / predicted
    recall = tp / n_pos
    gains = np.diff(np.r_[0.0, recall])
    return float(np.sum(gains * precision))
