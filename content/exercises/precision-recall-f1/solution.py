import numpy as np


def _ratio(numerator, denominator):
    return float(numerator) / denominator if denominator else 0.0


def precision_recall_f1(y_true, scores, threshold):
    actual = np.asarray(y_true).astype(bool)
    predicted = np.asarray(scores, dtype=float) >= threshold
    tp = int(np.sum(actual & predicted))
    fp = int(np.sum(~actual & predicted))
    fn = int(np.sum(actual & ~predicted))
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return precision, recall, f1
