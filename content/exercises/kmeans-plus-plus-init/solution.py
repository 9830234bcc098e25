import numpy as np


def kmeans_plus_plus(X, k, seed):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be 2-D with at least one row")
    if k < 1:
        raise ValueError("k must be at least 1")
    if k > len(np.unique(X, axis=0)):
        raise ValueError("k is larger than the number of distinct points")
    rng = np.random.default_rng(seed)

    def pick(weights):
        running = np.cumsum(weights)
        return int(np.searchsorted(running, rng.random() * running[-1], side="right"))

    chosen = [pick(np.ones(len(X)))]
    nearest = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        index = pick(nearest)
        chosen.append(index)
        nearest = np.minimum(nearest, ((X - X[index]) ** 2).sum(axis=1))
    return X[chosen].copy()
