import numpy as np


def standardize(X_train, X_test):
    train = np.asarray(X_train, dtype=float)
    test = np.asarray(X_test, dtype=float)
    mean = train.mean(axis=0)
    std = train.std(axis=0, ddof=1) if len(train) > 1 else np.zeros(train.shape[1])
    std[std == 0] = 1.0
    return (train - mean) / std, (test - mean) / std
