def smoothed_cross_entropy(logits, target, smoothing=0.0, ignore_index=-100):
    """Return the mean cross-entropy over the rows whose target is not ignore_index, with the
    smoothing mass spread over all classes, as a 0-dimensional tensor."""
    raise NotImplementedError
