import numpy as np


def edit_distance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    bb = np.array([ord(c) for c in b])
    ar = np.arange(m + 1)
    prev = ar.copy()
    for i, ch in enumerate(a, 1):
        cur = np.empty(m + 1, dtype=int)
        cur[0] = i
        # delete / substitute first, vectorised over the row
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + (bb != ord(ch)))
        # inserts chain left to right -> running min trick
        cur = np.minimum.accumulate(cur - ar) + ar
        prev = cur
    return int(prev[-1])
