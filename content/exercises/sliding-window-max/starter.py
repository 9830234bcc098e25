def window_max(values: list[float], k: int) -> list[float]:
    """Return [max(values[i:i + k]) for each full window], in O(n)."""
    raise NotImplementedError
