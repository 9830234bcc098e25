def rolling_median(values: list[float], k: int) -> list[float]:
    """Return the median of each full window of k values; even windows average the middle two."""
    raise NotImplementedError
