def top_k(scored, k):
    ranked = sorted(scored, key=lambda pair: (-pair[1], pair[0]))
    return [item_id for item_id, _ in ranked[:k]]
