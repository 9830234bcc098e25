def precision_recall_f1(y_true, scores, threshold: float) -> tuple[float, float, float]:
    """Return (precision, recall, f1) when predicting positive for score >= threshold."""
    raise NotImplementedError
