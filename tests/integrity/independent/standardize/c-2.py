import math

import numpy as np


def _column_stats(rows, n_cols):
    n = len(rows)
    means = []
    scales = []
    for j in range(n_cols):
        col = [float(r[j]) for r in rows]
        m = sum(col) / n
        var = sum((x - m) ** 2 for x in col) / n
        s = math.sqrt(var)
        means.append(m)
        scales.append(s if s > 0 else 1.0)
    return means, scales


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    train_rows = [list(r) for r in X_train]
    test_rows = [list(r) for r in X_test]
    d = len(train_rows[0])
    means, scales = _column_stats(train_rows, d)

    def scale(rows):
        out = np.empty((len(rows), d), dtype=float)
        for i, row in enumerate(rows):
            for j in range(d):
                out[i, j] = (float(row[j]) - means[j]) / scales[j]
        return out

    return scale(train_rows), scale(test_rows)
