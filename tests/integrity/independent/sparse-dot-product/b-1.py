def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    if len(a_indices) != len(a_values):
        raise ValueError("a_indices and a_values must have the same length")
    if len(b_indices) != len(b_values):
        raise ValueError("b_indices and b_values must have the same length")

    def collapse(indices, values):
        acc = {}
        for idx, val in zip(indices, values):
            acc[idx] = acc.get(idx, 0) + val
        return acc

    a_vec = collapse(a_indices, a_values)
    b_vec = collapse(b_indices, b_values)
    if len(a_vec) > len(b_vec):
        a_vec, b_vec = b_vec, a_vec

    total = 0.0
    for idx, val in a_vec.items():
        other = b_vec.get(idx)
        if other is not None:
            total += val * other
    return float(total)
