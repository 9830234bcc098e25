import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    probs = np.asarray(probs, dtype=float)
    labels = np.asarray(labels, dtype=float)
    if probs.ndim != 1 or probs.shape != labels.shape:
        raise ValueError("probs and labels must be 1-D of the same length")
    if len(probs) == 0:
        raise ValueError("no samples")
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    if not np.all((probs >= 0) & (probs <= 1)):  # also refuses NaN
        raise ValueError("probabilities must lie in [0, 1]")
    if not np.all((labels == 0) | (labels == 1)):
        raise ValueError("labels must be 0 or 1")
    bins = np.minimum(np.floor(probs * n_bins).astype(np.int64), n_bins - 1)
    n = len(probs)
    ece = 0.0
    for b in range(n_bins):
        members = bins == b
        size = np.count_nonzero(members)
        if size:
            ece += size / n * abs(labels[members].mean() - probs[members].mean())
    return float(ece)
