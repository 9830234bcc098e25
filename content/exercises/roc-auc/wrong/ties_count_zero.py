import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y], s[~y]
    if len(pos) == 0 or len(neg) == 0:
        raise ValueError("need both classes")
    wins = 0
    for p in pos:
        wins += np.sum(p > neg)
    return float(wins / (len(pos) * len(neg)))
