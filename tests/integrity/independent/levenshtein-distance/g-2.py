def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    n, m = len(a), len(b)
    if not n or not m:
        return n + m
    d = list(range(m + 1))
    for i in range(1, n + 1):
        g, d[0] = d[0], i  # g holds the diagonal cell d[i-1][j-1]
        for j in range(1, m + 1):
            t = d[j]
            d[j] = g if a[i - 1] == b[j - 1] else 1 + min(g, t, d[j - 1])
            g = t
    return d[m]
