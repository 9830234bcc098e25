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
    for _ in range(1, k):
        # squared distance to the centroid picked last, not to the nearest one
        weights = ((X - X[chosen[-1]]) ** 2).sum(axis=1)
        for earlier in chosen:
            weights[np.all(X[earlier] == X, axis=1)] = 0.0  # never pick a centroid twice
        chosen.append(pick(weights))
    return X[chosen].copy()
