import numpy as np


def cosine_top_k(queries, items, k):
    queries, items = np.asarray(queries, dtype=float), np.asarray(items, dtype=float)
    if k < 1 or queries.shape[1] != items.shape[1]:
        raise ValueError("bad input")
    with np.errstate(invalid="ignore", divide="ignore"):
        sim = (queries @ items.T) / np.outer(np.linalg.norm(queries, axis=1), np.linalg.norm(items, axis=1))
    order = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(sim, order, axis=1)
