def edit_distance(a, b):
    n = len(b)
    row = list(range(n + 1))
    for x in a:
        diagonal = row[0]
        row[0] += 1
        for k in range(1, n + 1):
            above = row[k]
            substitute = diagonal + (0 if x == b[k - 1] else 1)
            row[k] = min(above + 1, row[k - 1] + 1, substitute)
            diagonal = above
    return row[n]
