def coo_to_csr(n_rows, n_cols, rows, cols, values):
    if not len(rows) == len(cols) == len(values):
        raise ValueError("rows, cols and values must have the same length")
    if n_rows < 0 or n_cols < 0:
        raise ValueError("the shape must not be negative")
    for r, c in zip(rows, cols, strict=True):
        if not (0 <= r < n_rows and 0 <= c < n_cols):
            raise ValueError(f"entry ({r}, {c}) is outside a {n_rows} x {n_cols} matrix")
    # Sum duplicates per cell, then drop the cells that add up to zero.
    cells = {}
    for r, c, v in zip(rows, cols, values, strict=True):
        cells[(r, c)] = cells.get((r, c), 0) + v
    stored = sorted((r, c, v) for (r, c), v in cells.items() if v != 0)
    # One boundary per row that has entries: empty rows get no slot, so later rows shift up.
    indptr = [0]
    for i, (r, _c, _v) in enumerate(stored):
        if i + 1 == len(stored) or stored[i + 1][0] != r:
            indptr.append(i + 1)
    indptr += [len(stored)] * (n_rows + 1 - len(indptr))
    return {"indptr": indptr, "indices": [c for _r, c, _v in stored], "data": [v for _r, _c, v in stored]}
