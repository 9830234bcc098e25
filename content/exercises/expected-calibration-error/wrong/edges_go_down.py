import numpy as np


def expected_calibration_error(probs, labels, n_bins):
    probs, labels = np.asarray(probs, dtype=float), np.asarray(labels, dtype=float)
    if len(probs) == 0 or n_bins < 1 or probs.shape != labels.shape:
        raise ValueError("bad input")
    if not np.all((probs >= 0) & (probs <= 1)) or not np.all((labels == 0) | (labels == 1)):
        raise ValueError("bad values")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # bins closed on the right: (lo, hi], with 0.0 in the first bin
    bins = np.clip(np.digitize(probs, edges[1:-1], right=True), 0, n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        members = bins == b
        if members.any():
            ece += members.mean() * abs(labels[members].mean() - probs[members].mean())
    return float(ece)
