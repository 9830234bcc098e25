import numpy as np


def _fill(X, strategy):
    stat = np.nanmean(X, axis=0) if strategy == "mean" else np.nanmedian(X, axis=0)
    stat = np.nan_to_num(stat, nan=0.0)
    return np.where(np.isnan(X), stat, X)


def impute(X_train, X_test, strategy):
    if strategy not in ("mean", "median"):
        raise ValueError(f"unknown strategy {strategy!r}")
    return _fill(np.array(X_train, dtype=float), strategy), _fill(np.array(X_test, dtype=float), strategy)
