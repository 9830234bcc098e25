import heapq


def top_k(scored, k):
    if k < 0:
        raise ValueError("k must not be negative")
    # The smallest k by (-score, id) are the highest scores, ties broken by the smaller id.
    best = heapq.nsmallest(k, scored, key=lambda pair: (-pair[1], pair[0]))
    return [item for item, _score in best]
