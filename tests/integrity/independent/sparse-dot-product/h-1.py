def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    # Both vectors must be consistent: one value per index.
    if len(a_indices) != len(a_values):
        raise ValueError("a_indices and a_values must have the same length")
    if len(b_indices) != len(b_values):
        raise ValueError("b_indices and b_values must have the same length")

    # Step 1: collapse vector a into a dictionary position -> total value.
    # Repeated positions add up, like duplicate entries in a COO sparse matrix.
    accumulated_a = {}
    for entry_number in range(len(a_indices)):
        position = a_indices[entry_number]
        value = a_values[entry_number]
        if position in accumulated_a:
            accumulated_a[position] = accumulated_a[position] + value
        else:
            accumulated_a[position] = value

    # Step 2: the same for vector b.
    accumulated_b = {}
    for entry_number in range(len(b_indices)):
        position = b_indices[entry_number]
        value = b_values[entry_number]
        if position in accumulated_b:
            accumulated_b[position] = accumulated_b[position] + value
        else:
            accumulated_b[position] = value

    # Step 3: walk over the smaller dictionary and look each position up in the
    # larger one. Only positions present in both contribute to the sum.
    if len(accumulated_a) <= len(accumulated_b):
        smaller_vector = accumulated_a
        larger_vector = accumulated_b
    else:
        smaller_vector = accumulated_b
        larger_vector = accumulated_a

    running_total = 0.0
    for position in smaller_vector:
        if position in larger_vector:
            running_total = running_total + smaller_vector[position] * larger_vector[position]

    return float(running_total)
