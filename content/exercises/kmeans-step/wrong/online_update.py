import numpy as np


def kmeans_step(X, centroids):
    X = np.asarray(X, dtype=float)
    new_centroids = np.array(centroids, dtype=float)
    if len(new_centroids) == 0 or X.shape[1] != new_centroids.shape[1]:
        raise ValueError("bad shapes")
    counts = np.zeros(len(new_centroids))
    labels = np.zeros(len(X), dtype=int)
    for i, x in enumerate(X):
        j = int(np.argmin(((new_centroids - x) ** 2).sum(axis=1)))
        labels[i] = j
        counts[j] += 1
        new_centroids[j] += (x - new_centroids[j]) / counts[j]
    return labels, new_centroids
