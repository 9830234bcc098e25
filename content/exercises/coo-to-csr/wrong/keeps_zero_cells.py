def coo_to_csr(n_rows, n_cols, rows, cols, values):
    if not len(rows) == len(cols) == len(values):
        raise ValueError("rows, cols and values must have the same length")
    if n_rows < 0 or n_cols < 0:
        raise ValueError("the shape must not be negative")
    for r, c in zip(rows, cols, strict=True):
        if not (0 <= r < n_rows and 0 <= c < n_cols):
            raise ValueError(f"entry ({r}, {c}) is outside a {n_rows} x {n_cols} matrix")
    # Sums duplicates but stores every cell, zeros included.
    cells = {}
    for r, c, v in zip(rows, cols, values, strict=True):
        cells[(r, c)] = cells.get((r, c), 0) + v
    stored = sorted((r, c, v) for (r, c), v in cells.items())
    # Count per row, then a running sum: every row gets its slot, empty ones included.
    indptr = [0] * (n_rows + 1)
    for r, _c, _v in stored:
        indptr[r + 1] += 1
    for i in range(n_rows):
        indptr[i + 1] += indptr[i]
    return {"indptr": indptr, "indices": [c for _r, c, _v in stored], "data": [v for _r, _c, v in stored]}
