import heapq
from typing import Iterable, List, Tuple

ScoredItem = Tuple[str, float]


def _validated_items(scored: Iterable) -> List[ScoredItem]:
    items: List[ScoredItem] = []
    for position, pair in enumerate(scored):
        try:
            item_id, score = pair
        except (TypeError, ValueError) as exc:
            raise ValueError(f"entry {position} is not an (item_id, score) pair") from exc
        items.append((item_id, score))
    return items


def _rank_key(item: ScoredItem) -> Tuple[float, str]:
    item_id, score = item
    return (-score, item_id)


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    if k < 0:
        raise ValueError("k must be >= 0")
    if k == 0:
        return []
    items = _validated_items(scored)
    # nsmallest keeps a bounded heap of size k internally, so this is O(n log k).
    best = heapq.nsmallest(k, items, key=_rank_key)
    return [item_id for item_id, _ in best]
