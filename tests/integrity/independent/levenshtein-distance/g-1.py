def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    if a == b:
        return 0
    if not a or not b:
        return len(a) + len(b)
    if len(a) < len(b):
        a, b = b, a
    p = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        c = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            c[j] = min(p[j] + 1, c[j - 1] + 1, p[j - 1] + (x != y))
        p = c
    return p[-1]
