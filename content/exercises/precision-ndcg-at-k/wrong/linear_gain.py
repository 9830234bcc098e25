import numpy as np


def ranking_at_k(scores, relevance, k):
    scores = np.asarray(scores, dtype=float)
    relevance = np.asarray(relevance, dtype=int)
    if k < 1 or scores.shape != relevance.shape or np.any(relevance < 0):
        raise ValueError("bad input")
    ranked = relevance[np.argsort(-scores, kind="stable")]
    top = ranked[:k]
    dcg = np.sum(top / np.log2(np.arange(2, len(top) + 2)))
    ideal_top = np.sort(relevance)[::-1][:k]
    idcg = np.sum(ideal_top / np.log2(np.arange(2, len(ideal_top) + 2)))
    return float(np.sum(top > 0) / k), float(dcg / idcg) if idcg > 0 else 0.0
