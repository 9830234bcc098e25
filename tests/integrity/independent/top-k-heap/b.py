import heapq


def top_k(scored, k):
    if k <= 0:
        return []
    best = heapq.nsmallest(k, scored, key=lambda p: (-p[1], p[0]))
    return [p[0] for p in best]
