import numpy as np


def kmeans_plus_plus(X, k, seed):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) == 0 or k < 1 or k > len(np.unique(X, axis=0)):
        raise ValueError("bad input")
    rng = np.random.default_rng(seed)

    def pick(weights):
        running = np.cumsum(weights)
        return int(np.searchsorted(running, rng.random() * running[-1], side="right"))

    chosen = [pick(np.ones(len(X)))]
    # weights by plain Euclidean distance
    nearest = np.linalg.norm(X - X[chosen[0]], axis=1)
    for _ in range(1, k):
        index = pick(nearest)
        chosen.append(index)
        nearest = np.minimum(nearest, np.linalg.norm(X - X[index], axis=1))
    return X[chosen].copy()
