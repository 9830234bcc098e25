def bootstrap_ci(values, n_resamples: int, confidence: float, seed: int) -> tuple[float, float]:
    """Return (low, high): the percentile bootstrap interval of the mean, by the statement's recipe."""
    raise NotImplementedError
