from itertools import groupby
from operator import itemgetter


def _collapse(indices, values, name):
    if len(indices) != len(values):
        raise ValueError(f"{name}: indices and values must have the same length")
    entries = sorted(zip(indices, values), key=itemgetter(0))
    return [
        (pos, sum(v for _, v in group))
        for pos, group in groupby(entries, key=itemgetter(0))
    ]


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    left = _collapse(a_indices, a_values, "a")
    right = _collapse(b_indices, b_values, "b")

    # two-pointer walk over the sorted, de-duplicated entries
    i = j = 0
    acc = 0.0
    while i < len(left) and j < len(right):
        pi, pj = left[i][0], right[j][0]
        if pi == pj:
            acc += left[i][1] * right[j][1]
            i += 1
            j += 1
        elif pi < pj:
            i += 1
        else:
            j += 1
    return acc
