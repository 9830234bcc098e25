def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    if len(a_indices) != len(a_values):
        raise ValueError("a_indices and a_values differ in length")
    if len(b_indices) != len(b_values):
        raise ValueError("b_indices and b_values differ in length")

    a_map = {}
    for idx, val in zip(a_indices, a_values):
        a_map[idx] = a_map.get(idx, 0) + val
    b_map = {}
    for idx, val in zip(b_indices, b_values):
        b_map[idx] = b_map.get(idx, 0) + val

    if len(b_map) < len(a_map):
        a_map, b_map = b_map, a_map
    total = 0.0
    for idx, val in a_map.items():
        if idx in b_map:
            total += val * b_map[idx]
    return float(total)
