from heapq import nsmallest


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k}")
    best = nsmallest(k, scored, key=lambda pair: (-pair[1], pair[0]))
    return [item_id for item_id, _ in best]
