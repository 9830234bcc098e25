import numpy as np


def huber_loss(y_pred, y_true, delta) -> tuple[float, np.ndarray]:
    """Return (mean Huber loss, gradient of that mean with respect to y_pred)."""
    raise NotImplementedError
