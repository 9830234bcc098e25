import numpy as np


def impute(X_train, X_test, strategy):
    if strategy not in ("mean", "median"):
        raise ValueError(f"unknown strategy {strategy!r}")
    train = np.array(X_train, dtype=float)
    test = np.array(X_test, dtype=float)
    fill = np.nanmean(train, axis=0) if strategy == "mean" else np.nanmedian(train, axis=0)
    train_rows, train_cols = np.where(np.isnan(train))
    train[train_rows, train_cols] = fill[train_cols]
    test_rows, test_cols = np.where(np.isnan(test))
    test[test_rows, test_cols] = fill[test_cols]
    return train, test
