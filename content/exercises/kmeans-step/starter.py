import numpy as np


def kmeans_step(X, centroids) -> tuple[np.ndarray, np.ndarray]:
    """Return (labels, new_centroids) after one assignment-then-update pass of k-means."""
    raise NotImplementedError
