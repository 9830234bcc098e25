import numpy as np


def cosine_top_k(queries, items, k):
    queries = np.asarray(queries, dtype=float)
    items = np.asarray(items, dtype=float)
    if k < 1:
        raise ValueError("k must be at least 1")
    if queries.ndim != 2 or items.ndim != 2 or queries.shape[1] != items.shape[1]:
        raise ValueError("queries and items must be 2-D with the same number of columns")
    q_norm = np.linalg.norm(queries, axis=1, keepdims=True)
    i_norm = np.linalg.norm(items, axis=1, keepdims=True)
    q_unit = np.divide(queries, q_norm, out=np.zeros_like(queries), where=q_norm > 0)
    i_unit = np.divide(items, i_norm, out=np.zeros_like(items), where=i_norm > 0)
    similarity = q_unit @ i_unit.T
    keep = min(k, len(items))
    # a stable sort of the negated scores: highest first, equal scores in index order
    order = np.argsort(-similarity, axis=1, kind="stable")[:, :keep]
    return order.astype(np.int64), np.take_along_axis(similarity, order, axis=1)
