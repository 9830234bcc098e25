import numpy as np


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    train = np.array(X_train, dtype=float)
    test = np.array(X_test, dtype=float)
    if test.size == 0:
        test = test.reshape(0, train.shape[1])

    mu = train.mean(axis=0)
    sigma = train.std(axis=0, ddof=0)
    sigma = np.where(sigma == 0, 1.0, sigma)

    return (train - mu) / sigma, (test - mu) / sigma
