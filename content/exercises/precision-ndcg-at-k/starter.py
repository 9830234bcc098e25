def ranking_at_k(scores, relevance, k) -> tuple[float, float]:
    """Return (precision@k, NDCG@k) of the items ranked by score, ties to the lower index."""
    raise NotImplementedError
