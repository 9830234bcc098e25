from itertools import groupby
from operator import itemgetter


def _coalesce(ix, vs):
    if len(ix) != len(vs):
        raise ValueError("length mismatch between indices and values")
    p = sorted(zip(ix, vs), key=itemgetter(0))
    return [(i, sum(v for _, v in g)) for i, g in groupby(p, key=itemgetter(0))]


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    a, b = _coalesce(a_indices, a_values), _coalesce(b_indices, b_values)
    i = j = 0
    s = 0.0
    while i < len(a) and j < len(b):
        if a[i][0] < b[j][0]:
            i += 1
        elif a[i][0] > b[j][0]:
            j += 1
        else:
            s += a[i][1] * b[j][1]
            i += 1
            j += 1
    return s
