import numpy as np


def average_precision(y_true, scores):
    y = np.asarray(y_true).astype(float)
    s = np.asarray(scores, dtype=float)
    if len(y) == 0 or y.shape != s.shape or not np.all((y == 0) | (y == 1)) or y.sum() == 0:
        raise ValueError("bad input")
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    ends = np.flatnonzero(np.r_[s[1:] != s[:-1], True])
    tp = np.cumsum(y)[ends]
    precision = np.r_[1.0, tp / (ends + 1.0)]
    recall = np.r_[0.0, tp / y.sum()]
    # area under the precision-recall points joined by straight lines
    return float(np.sum(np.diff(recall) * (precision[1:] + precision[:-1]) / 2))
