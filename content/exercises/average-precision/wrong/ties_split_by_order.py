import numpy as np


def average_precision(y_true, scores):
    y = np.asarray(y_true).astype(float)
    s = np.asarray(scores, dtype=float)
    if len(y) == 0 or y.shape != s.shape or not np.all((y == 0) | (y == 1)) or y.sum() == 0:
        raise ValueError("bad input")
    # rank the samples one by one: tied scores keep the order they came in
    order = np.argsort(-s, kind="stable")
    hits = y[order]
    precision_at = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(np.sum(precision_at * hits) / hits.sum())
