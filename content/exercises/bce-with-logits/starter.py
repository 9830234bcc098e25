def bce_with_logits(logits, targets):
    """Return (mean binary cross-entropy from logits, its gradient with respect to the logits)."""
    raise NotImplementedError
