from collections import Counter


def sparse_dot(a_indices, a_values, b_indices, b_values):
    left, right = Counter(), Counter()
    for idx, val in zip(a_indices, a_values, strict=False):
        left[idx] += val
    for idx, val in zip(b_indices, b_values, strict=False):
        right[idx] += val
    if len(left) > len(right):
        left, right = right, left
    return float(sum(val * right[idx] for idx, val in left.items() if idx in right))
