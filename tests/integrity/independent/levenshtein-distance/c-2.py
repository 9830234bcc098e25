def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between a and b (unit-cost insert, delete, substitute)."""
    rows, cols = len(a) + 1, len(b) + 1
    table = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        table[r][0] = r
    for c in range(cols):
        table[0][c] = c

    for r in range(1, rows):
        for c in range(1, cols):
            mismatch = 0 if a[r - 1] == b[c - 1] else 1
            table[r][c] = min(
                table[r - 1][c] + 1,             # drop a char of a
                table[r][c - 1] + 1,             # add a char of b
                table[r - 1][c - 1] + mismatch,  # keep or replace
            )
    return table[rows - 1][cols - 1]
