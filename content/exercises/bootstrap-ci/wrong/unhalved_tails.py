import numpy as np


def bootstrap_ci(values, n_resamples, confidence, seed):
    x = np.asarray(values, dtype=float)
    if x.size == 0 or np.isnan(x).any() or np.isinf(x).any():
        raise ValueError("bad values")
    if n_resamples < 1 or confidence <= 0 or confidence >= 1:
        raise ValueError("bad parameters")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(x), size=(n_resamples, len(x)))
    means = x[idx].mean(axis=1)
    low, high = np.quantile(means, [1 - confidence, confidence])
    return float(low), float(high)
