import numpy as np


def kmeans_plus_plus(X, k, seed) -> np.ndarray:
    """Return k centroids (k, d) chosen by k-means++ D² sampling with np.random.default_rng(seed)."""
    raise NotImplementedError
