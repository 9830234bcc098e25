import heapq


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    if k < 0:
        raise ValueError("k must be non-negative")
    if not k:
        return []
    return [i for i, _ in heapq.nsmallest(k, scored, key=lambda p: (-p[1], p[0]))]
