import numpy as np


def sparse_dot(a_indices, a_values, b_indices, b_values):
    if len(a_indices) == 0 or len(b_indices) == 0:
        return 0.0
    ua, inv_a = np.unique(np.asarray(a_indices, dtype=np.int64), return_inverse=True)
    sa = np.bincount(inv_a, weights=np.asarray(a_values, dtype=float))
    ub, inv_b = np.unique(np.asarray(b_indices, dtype=np.int64), return_inverse=True)
    sb = np.bincount(inv_b, weights=np.asarray(b_values, dtype=float))
    common, ia, ib = np.intersect1d(ua, ub, assume_unique=True, return_indices=True)
    return float(np.dot(sa[ia], sb[ib]))
