import numpy as np


def viterbi(start, trans, emit, observations) -> tuple[np.ndarray, float]:
    """Return (most probable hidden-state path, its joint log-probability with the observations)."""
    raise NotImplementedError
