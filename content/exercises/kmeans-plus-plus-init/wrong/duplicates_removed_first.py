import numpy as np


def kmeans_plus_plus(X, k, seed):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) == 0 or k < 1:
        raise ValueError("bad input")
    # drop repeated rows first so that no point can be picked twice (keeps first occurrences)
    _, first = np.unique(X, axis=0, return_index=True)
    X = X[np.sort(first)]
    if k > len(X):
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
