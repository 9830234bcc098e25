import numpy as np


def standardize(X_train, X_test):
    train = np.asarray(X_train, dtype=float)
    test = np.asarray(X_test, dtype=float)
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (train - mean) / std, (test - mean) / std
