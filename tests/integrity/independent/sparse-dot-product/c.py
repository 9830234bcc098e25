def sparse_dot(a_indices, a_values, b_indices, b_values):
    a = sorted(zip(a_indices, a_values, strict=False))
    b = sorted(zip(b_indices, b_values, strict=False))
    i = j = 0
    total = 0.0
    while i < len(a) and j < len(b):
        if a[i][0] < b[j][0]:
            i += 1
        elif a[i][0] > b[j][0]:
            j += 1
        else:
            key = a[i][0]
            sa = 0.0
            while i < len(a) and a[i][0] == key:
                sa += a[i][1]
                i += 1
            sb = 0.0
            while j < len(b) and b[j][0] == key:
                sb += b[j][1]
                j += 1
            total += sa * sb
    return total
