import numpy as np


def bootstrap_ci(values, n_resamples, confidence, seed):
    x = np.asarray(values, dtype=float)
    if x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError("bad values")
    if n_resamples < 1 or not 0 < confidence < 1:
        raise ValueError("bad parameters")
    n = len(x)
    means = np.empty(n_resamples)
    for b in range(n_resamples):
        rng = np.random.default_rng(seed + b)
        means[b] = x[rng.integers(0, n, size=n)].mean()
    alpha = 1 - confidence
    low, high = np.quantile(means, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)
