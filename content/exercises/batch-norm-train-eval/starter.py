import numpy as np


def batch_norm(
    x, gamma, beta, running_mean, running_var, training, momentum, eps
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (out, new_running_mean, new_running_var) of a batch norm layer over the rows of x."""
    raise NotImplementedError
