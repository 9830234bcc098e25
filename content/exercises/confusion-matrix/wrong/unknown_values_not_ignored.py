import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must have the same length")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    position = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for true, pred in zip(y_true, y_pred, strict=True):
        # -1 was meant as "not a label, skip it", but the check was forgotten: NumPy reads -1 as the
        # last row or column, so values outside the labels are counted there.
        matrix[position.get(true, -1), position.get(pred, -1)] += 1
    return matrix
