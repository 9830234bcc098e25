def roc_auc(y_true, scores) -> float:
    """Return P(score of a random positive > score of a random negative), ties counting 1/2."""
    raise NotImplementedError
