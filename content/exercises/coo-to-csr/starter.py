def coo_to_csr(n_rows: int, n_cols: int, rows: list[int], cols: list[int], values: list[float]) -> dict:
    """{"indptr": [...], "indices": [...], "data": [...]}: duplicates summed, zeros dropped."""
    raise NotImplementedError
