import heapq


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    if k < 0:
        raise ValueError("k must be >= 0")
    best = heapq.nsmallest(k, scored, key=lambda p: (-p[1], p[0]))
    return [p[0] for p in best]
