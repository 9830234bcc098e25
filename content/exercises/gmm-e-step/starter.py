import numpy as np


def gmm_e_step(X, weights, means, covariances) -> tuple[np.ndarray, float]:
    """Return (responsibilities of shape (n, k), total log-likelihood), computed in log space."""
    raise NotImplementedError
