def sparse_dot(a_indices, a_values, b_indices, b_values):
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("indices and values must have the same length")
    a = {}
    for index, value in zip(a_indices, a_values, strict=True):
        a[index] = a.get(index, 0.0) + value
    # (a1 + a2) * (b1 + b2) = a * b1 + a * b2: each entry of b can be used on its own.
    return float(
        sum(a[index] * value for index, value in zip(b_indices, b_values, strict=True) if index in a)
    )
