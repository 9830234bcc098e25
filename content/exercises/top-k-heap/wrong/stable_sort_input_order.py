def top_k(scored, k):
    if k < 0:
        raise ValueError("k must not be negative")
    # Stable sort by score only: ties keep the input order instead of the id order.
    ranked = sorted(scored, key=lambda pair: -pair[1])
    return [item for item, _score in ranked[:k]]
