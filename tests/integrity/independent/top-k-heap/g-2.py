import heapq


class _E:
    """Heap entry; the 'smallest' entry is the worst-ranked one (low score, then large id)."""

    __slots__ = ("s", "i")

    def __init__(self, i, s):
        self.i, self.s = i, s

    def __lt__(self, o):
        return self.s < o.s if self.s != o.s else self.i > o.i


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    """Return the ids of the k highest-scored items, best first; equal scores rank by id ascending."""
    if k < 0:
        raise ValueError(f"negative k: {k}")
    h = []
    if not k:
        return h
    for i, s in scored:
        e = _E(i, s)
        if len(h) < k:
            heapq.heappush(h, e)
        elif h[0] < e:
            heapq.heapreplace(h, e)
    r = []
    while h:
        r.append(heapq.heappop(h).i)
    return r[::-1]
