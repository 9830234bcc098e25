def sparse_dot(a_indices, a_values, b_indices, b_values):
    if len(a_indices) != len(a_values) or len(b_indices) != len(b_values):
        raise ValueError("indices and values must have the same length")
    a = sorted(zip(a_indices, a_values, strict=True))
    b = sorted(zip(b_indices, b_values, strict=True))
    total, i, j = 0.0, 0, 0
    while i < len(a) and j < len(b):
        if a[i][0] == b[j][0]:
            # Advances both sides on a match: repeated entries meet only one partner.
            total += a[i][1] * b[j][1]
            i += 1
            j += 1
        elif a[i][0] < b[j][0]:
            i += 1
        else:
            j += 1
    return total
