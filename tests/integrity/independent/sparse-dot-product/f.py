from itertools import groupby
from operator import itemgetter


def sparse_dot(a_indices, a_values, b_indices, b_values):
    def summed(indices, values):
        pairs = sorted(zip(indices, values, strict=False), key=itemgetter(0))
        return {key: sum(v for _, v in group) for key, group in groupby(pairs, key=itemgetter(0))}

    a, b = summed(a_indices, a_values), summed(b_indices, b_values)
    result = 0.0
    for key in a:
        result += a[key] * b.get(key, 0.0)
    return result
