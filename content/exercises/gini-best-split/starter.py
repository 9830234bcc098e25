def best_split(x, y) -> tuple[float, float] | None:
    """Return (threshold, weighted Gini) of the best midpoint split, ties to the smallest threshold."""
    raise NotImplementedError
