import numpy as np


def huber_loss(y_pred, y_true, delta):
    y_pred = np.asarray(y_pred, dtype=float)
    y_true = np.asarray(y_true, dtype=float)
    if y_pred.shape != y_true.shape:
        raise ValueError("y_pred and y_true must have the same shape")
    if y_pred.size == 0:
        raise ValueError("the mean of no elements is undefined")
    if not delta > 0:
        raise ValueError("delta must be positive")
    r = y_pred - y_true
    small = np.abs(r) <= delta
    losses = np.where(small, 0.5 * r**2, delta * (np.abs(r) - 0.5 * delta))
    slopes = np.where(small, r, delta * np.sign(r))
    return float(losses.mean()), slopes / r.size
