import numpy as np


def cosine_top_k(queries, items, k) -> tuple[np.ndarray, np.ndarray]:
    """Return (indices, scores) of the k most cosine-similar items per query; zero vectors score 0."""
    raise NotImplementedError
