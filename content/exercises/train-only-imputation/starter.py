import numpy as np


def impute(X_train, X_test, strategy: str) -> tuple[np.ndarray, np.ndarray]:
    """Fill NaNs in both sets with per-column statistics ("mean" or "median") of X_train."""
    raise NotImplementedError
