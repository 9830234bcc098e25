import heapq


class _RankedItem:
    """Wrapper that orders items from worst to best, for use in a min-heap.

    "Worse" means a lower score; for equal scores, the item whose id comes later
    in ordinary string order is the worse one (ids rank ascending on ties).
    Putting the worst item at the top of a min-heap lets us evict it cheaply.
    """

    __slots__ = ("item_id", "score")

    def __init__(self, item_id, score):
        self.item_id = item_id
        self.score = score

    def __lt__(self, other):
        # Returns True when self ranks strictly below other.
        if self.score != other.score:
            return self.score < other.score
        return self.item_id > other.item_id


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    if k < 0:
        raise ValueError("k must not be negative")
    if k == 0:
        return []

    # Min-heap holding at most k items; its root is the weakest of the current best k.
    best_so_far_heap = []
    for pair in scored:
        candidate = _RankedItem(pair[0], pair[1])
        if len(best_so_far_heap) < k:
            # Heap not full yet: every item gets in for now.
            heapq.heappush(best_so_far_heap, candidate)
        else:
            weakest_kept = best_so_far_heap[0]
            if weakest_kept < candidate:
                # The newcomer beats the weakest kept item, so it takes its place.
                heapq.heapreplace(best_so_far_heap, candidate)

    # Popping the min-heap gives items from worst to best; reverse at the end.
    ids_worst_first = []
    while len(best_so_far_heap) > 0:
        weakest = heapq.heappop(best_so_far_heap)
        ids_worst_first.append(weakest.item_id)

    ids_best_first = []
    for position in range(len(ids_worst_first) - 1, -1, -1):
        ids_best_first.append(ids_worst_first[position])
    return ids_best_first
