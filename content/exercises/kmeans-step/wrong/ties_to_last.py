import numpy as np


def kmeans_step(X, centroids):
    X = np.asarray(X, dtype=float)
    centroids = np.asarray(centroids, dtype=float)
    if len(centroids) == 0 or X.shape[1] != centroids.shape[1]:
        raise ValueError("bad shapes")
    labels = np.zeros(len(X), dtype=int)
    for i, x in enumerate(X):
        best = np.inf
        for j, c in enumerate(centroids):
            dist = np.sum((x - c) ** 2)
            if dist <= best:
                best = dist
                labels[i] = j
    new_centroids = centroids.copy()
    for j in range(len(centroids)):
        if np.any(labels == j):
            new_centroids[j] = X[labels == j].mean(axis=0)
    return labels, new_centroids
