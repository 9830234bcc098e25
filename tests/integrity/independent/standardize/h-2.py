import math

import numpy as np


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    # This version does the statistics by hand, column by column, with explicit loops,
    # the way I would on paper. NumPy is only used to hold the final results.
    training_rows = [[float(entry) for entry in row] for row in X_train]
    test_rows = [[float(entry) for entry in row] for row in X_test]

    number_of_training_rows = len(training_rows)
    number_of_test_rows = len(test_rows)
    number_of_columns = len(training_rows[0])

    # Fresh output arrays; the inputs are never written to.
    training_output = np.zeros((number_of_training_rows, number_of_columns), dtype=float)
    test_output = np.zeros((number_of_test_rows, number_of_columns), dtype=float)

    for column_index in range(number_of_columns):
        # Mean of this column over the training rows.
        column_sum = 0.0
        for row_index in range(number_of_training_rows):
            column_sum += training_rows[row_index][column_index]
        column_mean = column_sum / number_of_training_rows

        # Population variance: average squared deviation from the mean (divide by n).
        # Doing it in two passes (mean first, then deviations) is numerically safer
        # than the sum-of-squares-minus-square-of-sum formula.
        squared_deviation_sum = 0.0
        for row_index in range(number_of_training_rows):
            deviation = training_rows[row_index][column_index] - column_mean
            squared_deviation_sum += deviation * deviation
        column_variance = squared_deviation_sum / number_of_training_rows
        column_standard_deviation = math.sqrt(column_variance)

        # Guard for a constant column: do not divide by zero, only centre it.
        if column_standard_deviation == 0.0:
            column_standard_deviation = 1.0

        # Apply the training statistics to the training set ...
        for row_index in range(number_of_training_rows):
            original_value = training_rows[row_index][column_index]
            training_output[row_index, column_index] = (
                original_value - column_mean
            ) / column_standard_deviation

        # ... and exactly the same statistics to the test set.
        for row_index in range(number_of_test_rows):
            original_value = test_rows[row_index][column_index]
            test_output[row_index, column_index] = (
                original_value - column_mean
            ) / column_standard_deviation

    return training_output, test_output
