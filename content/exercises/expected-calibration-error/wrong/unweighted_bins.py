import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    probs, labels = np.asarray(probs, dtype=float), np.asarray(labels, dtype=float)
    if len(probs) == 0 or n_bins < 1 or probs.shape != labels.shape:
        raise ValueError("bad input")
    if not np.all((probs >= 0) & (probs <= 1)) or not np.all((labels == 0) | (labels == 1)):
        raise ValueError("bad values")
    bins = np.minimum((probs * n_bins).astype(int), n_bins - 1)
    gaps = [
        abs(labels[bins == b].mean() - probs[bins == b].mean()) for b in range(n_bins) if np.any(bins == b)
    ]
    return float(np.mean(gaps))
