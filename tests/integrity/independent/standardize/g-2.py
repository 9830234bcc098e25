import math

import numpy as np


def standardize(X_train, X_test) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_z, test_z) scaled with X_train's column means and population stds."""
    tr = [[float(x) for x in r] for r in X_train]
    te = [[float(x) for x in r] for r in X_test]
    n, d = len(tr), len(tr[0])
    mu = [math.fsum(r[j] for r in tr) / n for j in range(d)]
    sd = [math.sqrt(math.fsum((r[j] - mu[j]) ** 2 for r in tr) / n) or 1.0 for j in range(d)]

    def z(rows):
        return np.array([[(r[j] - mu[j]) / sd[j] for j in range(d)] for r in rows], dtype=float).reshape(-1, d)

    return z(tr), z(te)
