def lowest_threshold(negative_scores: list[float], candidates: list[float], max_fpr: float) -> float | None:
    """Return the smallest candidate t with (#scores >= t) / n <= max_fpr, or None."""
    raise NotImplementedError
