import math
from itertools import groupby
from operator import itemgetter


def _coalesce(indices, values):
    """Sorted list of (index, summed value), one entry per distinct index."""
    entries = sorted(zip(indices, values), key=itemgetter(0))
    return [
        (idx, math.fsum(v for _, v in group))
        for idx, group in groupby(entries, key=itemgetter(0))
    ]


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("each vector needs as many values as indices")

    left = _coalesce(a_indices, a_values)
    right = _coalesce(b_indices, b_values)

    products = []
    i = j = 0
    while i < len(left) and j < len(right):
        li, lv = left[i]
        ri, rv = right[j]
        if li == ri:
            products.append(lv * rv)
            i += 1
            j += 1
        elif li < ri:
            i += 1
        else:
            j += 1
    return math.fsum(products)
