import numpy as np


def minibatches(X, y, batch_size, shuffle, drop_last, seed) -> list[tuple[np.ndarray, np.ndarray]]:
    """Return one epoch of (X_batch, y_batch) pairs, shuffled by default_rng(seed).permutation(n) if asked."""
    raise NotImplementedError
