import math

import numpy as np


def _column_stats(rows, n_cols):
    n = len(rows)
    stats = []
    for j in range(n_cols):
        column = [float(r[j]) for r in rows]
        if all(x == column[0] for x in column):
            stats.append((column[0], 1.0))
            continue
        mean = math.fsum(column) / n
        var = math.fsum((x - mean) ** 2 for x in column) / n
        std = math.sqrt(var)
        stats.append((mean, std if std > 0 else 1.0))
    return stats


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    train_rows = [list(r) for r in X_train]
    test_rows = [list(r) for r in X_test]
    d = len(train_rows[0])
    stats = _column_stats(train_rows, d)

    def scale(rows):
        out = np.empty((len(rows), d), dtype=float)
        for i, row in enumerate(rows):
            for j, (mean, std) in enumerate(stats):
                out[i, j] = (float(row[j]) - mean) / std
        return out

    return scale(train_rows), scale(test_rows)
