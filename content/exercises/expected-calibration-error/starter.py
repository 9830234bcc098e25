def expected_calibration_error(probs, labels, n_bins) -> float:
    """Return the size-weighted mean |positive rate - mean probability| over equal-width bins."""
    raise NotImplementedError
