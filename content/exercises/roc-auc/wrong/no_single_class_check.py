import numpy as np


def roc_auc(y_true, scores):
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    pos, neg = s[y], s[~y]
    greater = (pos[:, None] > neg[None, :]).sum()
    equal = (pos[:, None] == neg[None, :]).sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        return float((greater + 0.5 * equal) / (len(pos) * len(neg)))
