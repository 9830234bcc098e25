import numpy as np


def bootstrap_ci(values, n_resamples, confidence, seed):
    x = np.asarray(values, dtype=float)
    if x.size == 0 or not np.all(np.isfinite(x)):
        raise ValueError("bad values")
    if n_resamples < 1 or not 0 < confidence < 1:
        raise ValueError("bad parameters")
    rng = np.random.default_rng(seed)
    means = np.array([rng.choice(x, size=len(x), replace=False).mean() for _ in range(n_resamples)])
    alpha = 1 - confidence
    return float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2))
