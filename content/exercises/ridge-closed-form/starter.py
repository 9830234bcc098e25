import numpy as np


def fit_ridge(X, y, alpha) -> tuple[np.ndarray, float]:
    """Return (coef, intercept) of ridge regression whose penalty leaves the intercept alone."""
    raise NotImplementedError
