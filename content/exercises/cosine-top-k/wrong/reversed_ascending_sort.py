import numpy as np


def cosine_top_k(queries, items, k):
    queries, items = np.asarray(queries, dtype=float), np.asarray(items, dtype=float)
    if k < 1 or queries.shape[1] != items.shape[1]:
        raise ValueError("bad input")
    qn = np.linalg.norm(queries, axis=1, keepdims=True)
    vn = np.linalg.norm(items, axis=1, keepdims=True)
    sim = (queries / np.where(qn > 0, qn, 1.0)) @ (items / np.where(vn > 0, vn, 1.0)).T
    order = np.argsort(sim, axis=1, kind="stable")[:, ::-1][:, :k]  # ties come out highest index first
    return order, np.take_along_axis(sim, order, axis=1)
