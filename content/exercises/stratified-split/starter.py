import numpy as np


def stratified_split(y, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_idx, test_idx), sorted, with a rounded test_fraction of every class in test."""
    raise NotImplementedError
