import numpy as np


def huber_loss(y_pred, y_true, delta):
    y_pred, y_true = np.asarray(y_pred, dtype=float), np.asarray(y_true, dtype=float)
    if y_pred.shape != y_true.shape or y_pred.size == 0 or delta <= 0:
        raise ValueError("bad input")
    r = y_pred - y_true
    a = np.abs(r)
    small = a < delta
    losses = np.where(small, 0.5 * r**2, delta * a - delta**2)  # the constant should be 0.5 * delta ** 2
    slopes = np.where(small, r, delta * np.sign(r))
    return float(losses.mean()), slopes / r.size
