def running_mean_var(values: list[float]) -> list[tuple[float, float]]:
    """Return (mean, sample variance) after each value; the variance is nan after the first."""
    raise NotImplementedError
