import numpy as np


def kmeans_step(X, centroids):
    X = np.asarray(X, dtype=float)
    centroids = np.asarray(centroids, dtype=float)
    if centroids.ndim != 2 or centroids.shape[0] == 0:
        raise ValueError("need at least one centroid")
    if X.ndim != 2 or X.shape[1] != centroids.shape[1]:
        raise ValueError("X and centroids must have the same number of columns")
    k = centroids.shape[0]
    squared = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = np.argmin(squared, axis=1).astype(np.int64)  # argmin keeps the first of equal minima
    new_centroids = centroids.copy()
    for j in range(k):
        members = X[labels == j]
        if len(members) > 0:
            new_centroids[j] = members.mean(axis=0)
    return labels, new_centroids
