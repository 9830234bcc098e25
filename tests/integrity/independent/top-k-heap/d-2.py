import heapq


class _Worst:
    # heap root = the weakest kept item: lowest score, then largest id
    __slots__ = ("s", "id")

    def __init__(self, id_, s):
        self.id, self.s = id_, s

    def __lt__(self, o):
        if self.s != o.s:
            return self.s < o.s
        return self.id > o.id


def top_k(scored: list[tuple[str, float]], k: int) -> list[str]:
    if k < 0:
        raise ValueError("negative k")
    if k == 0:
        return []
    h = []
    for iid, sc in scored:
        x = _Worst(iid, sc)
        if len(h) < k:
            heapq.heappush(h, x)
        elif h[0] < x:
            heapq.heapreplace(h, x)
    out = []
    while h:
        out.append(heapq.heappop(h).id)
    return out[::-1]
