import numpy as np


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    A = np.asarray(X_train, dtype=float)
    d = A.shape[1]
    B = np.asarray(X_test, dtype=float).reshape(-1, d)
    mu = A.mean(axis=0)
    sd = A.std(axis=0)
    sd = np.where(sd == 0, 1.0, sd)
    return (A - mu) / sd, (B - mu) / sd
