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
    precision = tp / (ends + 1.0)
    recall = tp / y.sum()
    # the PASCAL VOC habit: take the best precision reached at this recall or any later one
    precision = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))
