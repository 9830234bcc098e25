import heapq


class _Entry:
    """Heap entry whose ordering puts the weakest ranked item at the top of a min-heap."""

    __slots__ = ("item", "score")

    def __init__(self, item, score):
        self.item = item
        self.score = score

    def __lt__(self, other):
        if self.score != other.score:
            return self.score < other.score
        return self.item > other.item  # larger id ranks lower on a tie


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    if k < 0:
        raise ValueError("k must be non-negative")
    if k == 0:
        return []

    heap = []
    for item, score in scored:
        entry = _Entry(item, score)
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif heap[0] < entry:
            heapq.heapreplace(heap, entry)

    ranked = []
    while heap:
        ranked.append(heapq.heappop(heap).item)
    ranked.reverse()
    return ranked
