def _sorted_and_combined(indices, values):
    """Sort the (index, value) entries by index and add together repeated indices.

    Returns two lists: the distinct indices in increasing order, and the summed values.
    """
    # Sort entry numbers by their index so the original lists stay untouched.
    entry_order = list(range(len(indices)))
    entry_order.sort(key=lambda entry_number: indices[entry_number])

    distinct_indices = []
    summed_values = []
    for entry_number in entry_order:
        current_index = indices[entry_number]
        current_value = values[entry_number]
        if len(distinct_indices) > 0 and distinct_indices[-1] == current_index:
            # Same position as the previous entry: accumulate into it.
            summed_values[-1] = summed_values[-1] + current_value
        else:
            distinct_indices.append(current_index)
            summed_values.append(current_value)
    return distinct_indices, summed_values


def sparse_dot(
    a_indices: list[int], a_values: list[float], b_indices: list[int], b_values: list[float]
) -> float:
    """Return the dot product of two sparse vectors; repeated indices add up."""
    # Sanity check on the input shapes before doing any work.
    if len(a_indices) != len(a_values):
        raise ValueError("vector a: indices and values differ in length")
    if len(b_indices) != len(b_values):
        raise ValueError("vector b: indices and values differ in length")

    # Bring both vectors into a canonical form: sorted, with no repeated index.
    a_positions, a_totals = _sorted_and_combined(a_indices, a_values)
    b_positions, b_totals = _sorted_and_combined(b_indices, b_values)

    # Two-pointer merge, like merging two sorted lists: advance whichever pointer
    # sits on the smaller position, and multiply when both point to the same one.
    pointer_a = 0
    pointer_b = 0
    dot_product = 0.0
    while pointer_a < len(a_positions) and pointer_b < len(b_positions):
        position_a = a_positions[pointer_a]
        position_b = b_positions[pointer_b]
        if position_a == position_b:
            dot_product = dot_product + a_totals[pointer_a] * b_totals[pointer_b]
            pointer_a = pointer_a + 1
            pointer_b = pointer_b + 1
        elif position_a < position_b:
            pointer_a = pointer_a + 1
        else:
            pointer_b = pointer_b + 1

    return float(dot_product)
