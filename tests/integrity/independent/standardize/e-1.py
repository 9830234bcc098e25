import numpy as np


def _as_2d_float(data, name: str, expected_columns: int | None = None) -> np.ndarray:
    array = np.array(data, dtype=float)  # always a fresh copy, callers' data stays intact
    if array.size == 0 and expected_columns is not None:
        array = array.reshape(0, expected_columns)
    if array.ndim != 2:
        raise ValueError(f"{name} must be 2-D, got shape {array.shape}")
    if expected_columns is not None and array.shape[1] != expected_columns:
        raise ValueError(
            f"{name} has {array.shape[1]} columns, expected {expected_columns}"
        )
    return array


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    train = _as_2d_float(X_train, "X_train")
    if train.shape[0] < 1:
        raise ValueError("X_train needs at least one row")
    test = _as_2d_float(X_test, "X_test", expected_columns=train.shape[1])

    column_means = train.mean(axis=0)
    column_stds = train.std(axis=0, ddof=0)

    # A constant column only gets centred; compare min and max so rounding noise in std cannot
    # sneak through as a tiny non-zero scale.
    is_constant = train.max(axis=0) == train.min(axis=0)
    column_scales = np.where(is_constant | (column_stds == 0.0), 1.0, column_stds)

    train_z = (train - column_means) / column_scales
    test_z = (test - column_means) / column_scales
    return train_z, test_z
