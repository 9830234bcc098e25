def spearman(x, y) -> float:
    """Return Spearman's rho: the Pearson correlation of the average ranks (NaN if a sample is constant)."""
    raise NotImplementedError
