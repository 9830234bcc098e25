from collections import defaultdict


def sparse_dot(a_indices, a_values, b_indices, b_values):
    a = defaultdict(float)
    for i, v in zip(a_indices, a_values, strict=False):
        a[i] += v
    b = defaultdict(float)
    for i, v in zip(b_indices, b_values, strict=False):
        b[i] += v
    return sum(v * b[i] for i, v in a.items() if i in b)
