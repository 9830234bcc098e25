import numpy as np


def precision_recall_f1(y_true, scores, threshold):
    y = np.asarray(y_true) == 1
    pred = np.asarray(scores, dtype=float) >= threshold
    tp = np.sum(y & pred)
    fp = np.sum(~y & pred)
    fn = np.sum(y & ~pred)
    precision = tp / (tp + fn) if tp + fn else 0.0
    recall = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
