import numpy as np


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    # Make float copies, so nothing we do below can change the caller's data.
    training_data = np.array(X_train, dtype=float)
    test_data = np.array(X_test, dtype=float)

    number_of_features = training_data.shape[1]

    # An empty test set given as [] arrives with shape (0,); give it the proper
    # two-dimensional shape (0, d) so the arithmetic below broadcasts correctly.
    if test_data.size == 0:
        test_data = test_data.reshape(0, number_of_features)

    # Column statistics from the training set only (the test set must not leak in).
    # ddof=0 gives the population standard deviation, dividing by n_train.
    column_means = training_data.mean(axis=0)
    column_standard_deviations = training_data.std(axis=0, ddof=0)

    # A constant training column has zero spread; dividing by it would blow up,
    # so we replace that scale by 1.0 and the column is only shifted to zero mean.
    safe_scales = column_standard_deviations.copy()
    for feature_index in range(number_of_features):
        if safe_scales[feature_index] == 0.0:
            safe_scales[feature_index] = 1.0

    # Same shift and scale applied to both sets.
    training_scaled = (training_data - column_means) / safe_scales
    test_scaled = (test_data - column_means) / safe_scales

    return training_scaled, test_scaled
