import numpy as np


def confusion_matrix(y_true, y_pred, labels=None):
    y_true = list(y_true)
    y_pred = list(y_pred)
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must have the same length")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    position = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(position), len(position)), dtype=np.int64)
    for true, pred in zip(y_true, y_pred, strict=True):
        if true in position and pred in position:
            matrix[position[true], position[pred]] += 1
    return matrix
