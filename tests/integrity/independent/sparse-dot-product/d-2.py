import numpy as np


def _collapse(ix, vals):
    u, inv = np.unique(np.asarray(ix, dtype=np.int64), return_inverse=True)
    w = np.bincount(inv.ravel(), weights=np.asarray(vals, dtype=float), minlength=len(u))
    return u, w


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("length mismatch")
    if len(a_indices) == 0 or len(b_indices) == 0:
        return 0.0
    ua, wa = _collapse(a_indices, a_values)
    ub, wb = _collapse(b_indices, b_values)
    _, ia, ib = np.intersect1d(ua, ub, assume_unique=True, return_indices=True)
    return float(wa[ia] @ wb[ib])
