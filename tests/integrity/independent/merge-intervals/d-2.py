import numpy as np


def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    if len(intervals) == 0:
        return []
    # object dtype so ints/floats come back exactly as given
    X = np.empty((len(intervals), 2), dtype=object)
    X[:] = [list(iv) for iv in intervals]
    st, en = X[:, 0], X[:, 1]
    if (st > en).any():
        raise ValueError("start > end")
    idx = np.argsort(st, kind="stable")
    st, en = st[idx], en[idx]
    run = np.maximum.accumulate(en)
    new = np.r_[True, st[1:] > run[:-1]]
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(st)] - 1
    return [[st[i], run[j]] for i, j in zip(starts, ends)]
