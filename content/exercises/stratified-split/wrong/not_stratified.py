import numpy as np


def stratified_split(y, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be strictly between 0 and 1")
    n = len(y)
    rng = np.random.default_rng(seed)
    k = int(np.floor(test_fraction * n + 0.5))
    order = rng.permutation(n)
    return np.sort(order[k:]), np.sort(order[:k])
