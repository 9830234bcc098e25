import numpy as np


def precision_recall_f1(y_true, scores, threshold):
    y = np.asarray(y_true) == 1
    pred = np.asarray(scores, dtype=float) >= threshold
    tp = np.sum(y & pred, dtype=float)
    fp = np.sum(~y & pred, dtype=float)
    fn = np.sum(y & ~pred, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
    return float(precision), float(recall), float(f1)
