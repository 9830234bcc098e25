def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    rows, cols = len(a) + 1, len(b) + 1
    table = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        table[r][0] = r
    for c in range(cols):
        table[0][c] = c

    for r, ch_a in enumerate(a, start=1):
        above, here = table[r - 1], table[r]
        for c, ch_b in enumerate(b, start=1):
            swap_cost = 0 if ch_a == ch_b else 1
            here[c] = min(
                above[c] + 1,           # drop ch_a
                here[c - 1] + 1,        # add ch_b
                above[c - 1] + swap_cost,
            )
    return table[-1][-1]
