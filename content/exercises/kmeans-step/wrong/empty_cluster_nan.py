import numpy as np


def kmeans_step(X, centroids):
    X = np.asarray(X, dtype=float)
    centroids = np.asarray(centroids, dtype=float)
    if len(centroids) == 0 or X.shape[1] != centroids.shape[1]:
        raise ValueError("bad shapes")
    distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = distances.argmin(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        new_centroids = np.array([X[labels == j].mean(axis=0) for j in range(len(centroids))])
    return labels, new_centroids
