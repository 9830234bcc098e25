import numpy as np


def isotonic_regression(y, weights) -> np.ndarray:
    """Return the non-decreasing weighted least-squares fit to y (pool-adjacent-violators)."""
    raise NotImplementedError
