import numpy as np


def _dcg(gains_in_order, k):
    top = np.asarray(gains_in_order[:k], dtype=float)
    discounts = np.log2(np.arange(2, len(top) + 2))
    return float(((2.0**top - 1.0) / discounts).sum())


def ranking_at_k(scores, relevance, k):
    scores = np.asarray(scores, dtype=float)
    relevance = np.asarray(relevance, dtype=np.int64)
    if k < 1:
        raise ValueError("k must be at least 1")
    if scores.shape != relevance.shape or scores.ndim != 1:
        raise ValueError("scores and relevance must be 1-D of the same length")
    if np.any(relevance < 0):
        raise ValueError("relevance must be non-negative")
    order = np.argsort(-scores, kind="stable")  # equal scores keep the lower index first
    ranked = relevance[order]
    precision = float(np.count_nonzero(ranked[:k] > 0) / k)
    ideal = _dcg(np.sort(relevance)[::-1], k)
    ndcg = _dcg(ranked, k) / ideal if ideal > 0 else 0.0
    return precision, float(ndcg)
