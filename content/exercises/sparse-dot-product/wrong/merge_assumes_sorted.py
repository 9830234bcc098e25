def sparse_dot(a_indices, a_values, b_indices, b_values):
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("indices and values must have the same length")
    # A two-pointer merge that trusts the entries to be sorted and unique.
    total, i, j = 0.0, 0, 0
    while i < len(a_indices) and j < len(b_indices):
        if a_indices[i] == b_indices[j]:
            total += a_values[i] * b_values[j]
            i += 1
            j += 1
        elif a_indices[i] < b_indices[j]:
            i += 1
        else:
            j += 1
    return total
