import heapq
from typing import List, Sequence, Tuple


class _Candidate:
    """Heap entry ordered so that the weakest candidate sits at the top of a min-heap."""

    __slots__ = ("item_id", "score")

    def __init__(self, item_id: str, score: float) -> None:
        self.item_id = item_id
        self.score = score

    def ranks_above(self, other: "_Candidate") -> bool:
        if self.score != other.score:
            return self.score > other.score
        return self.item_id < other.item_id

    def __lt__(self, other: "_Candidate") -> bool:
        # "less" means "worse", so heap[0] is the one to evict first.
        return other.ranks_above(self)


def _unpack(entry: Sequence) -> Tuple[str, float]:
    if len(entry) != 2:
        raise ValueError(f"expected an (item_id, score) pair, got {entry!r}")
    return entry[0], entry[1]


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError("k must be an int")
    if k < 0:
        raise ValueError(f"k must be non-negative, got {k}")
    if k == 0 or not scored:
        return []

    heap: List[_Candidate] = []
    for entry in scored:
        item_id, score = _unpack(entry)
        candidate = _Candidate(item_id, score)
        if len(heap) < k:
            heapq.heappush(heap, candidate)
        elif candidate.ranks_above(heap[0]):
            heapq.heapreplace(heap, candidate)

    winners: List[_Candidate] = []
    while heap:
        winners.append(heapq.heappop(heap))
    winners.reverse()
    return [candidate.item_id for candidate in winners]
