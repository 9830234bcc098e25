from collections import defaultdict


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("indices and values must have the same length")

    def acc(ix, vs):
        d = defaultdict(float)
        for i, x in zip(ix, vs):
            d[i] += x
        return d

    a, b = acc(a_indices, a_values), acc(b_indices, b_values)
    if len(a) > len(b):
        a, b = b, a
    return float(sum(x * b[i] for i, x in a.items() if i in b))
