import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    probs, labels = np.asarray(probs, dtype=float), np.asarray(labels, dtype=float)
    if len(probs) == 0 or n_bins < 1 or probs.shape != labels.shape:
        raise ValueError("bad input")
    if not np.all((probs >= 0) & (probs <= 1)) or not np.all((labels == 0) | (labels == 1)):
        raise ValueError("bad values")
    # confidence in the predicted class and whether that prediction was right
    confidence = np.maximum(probs, 1 - probs)
    correct = ((probs >= 0.5) == (labels == 1)).astype(float)
    bins = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        members = bins == b
        if members.any():
            ece += members.mean() * abs(correct[members].mean() - confidence[members].mean())
    return float(ece)
