def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    if len(a) < len(b):
        a, b = b, a  # keep the rows as short as possible
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1]
            else:
                cur[j] = 1 + min(prev[j - 1], prev[j], cur[j - 1])
        prev = cur
    return prev[len(b)]
