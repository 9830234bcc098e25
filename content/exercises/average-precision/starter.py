def average_precision(y_true, scores) -> float:
    """Return the step-wise average precision, one step per distinct score (ties enter together)."""
    raise NotImplementedError
