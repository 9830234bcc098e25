import numpy as np


def huber_loss(y_pred, y_true, delta):
    y_pred, y_true = np.asarray(y_pred, dtype=float), np.asarray(y_true, dtype=float)
    if y_pred.shape != y_true.shape or y_pred.size == 0 or delta <= 0:
        raise ValueError("bad input")
    r = y_pred - y_true
    small = np.abs(r) <= delta
    loss = np.where(small, 0.5 * r**2, delta * (np.abs(r) - 0.5 * delta)).mean()
    grad = np.clip(r, -delta, delta)  # the per-element slope, without the 1/m of the mean
    return float(loss), grad
