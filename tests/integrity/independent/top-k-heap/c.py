import heapq
from functools import total_ordering


@total_ordering
class Entry:
    def __init__(self, name, score):
        self.name = name
        self.score = score

    def __lt__(self, other):
        # The heap keeps the worst on top: lower score, or equal score and larger name.
        if self.score != other.score:
            return self.score < other.score
        return self.name > other.name

    def __eq__(self, other):
        return (self.score, self.name) == (other.score, other.name)


def top_k(scored, k):
    heap = []
    for name, score in scored:
        entry = Entry(name, score)
        if len(heap) < k:
            heapq.heappush(heap, entry)
        elif k > 0 and heap[0] < entry:
            heapq.heapreplace(heap, entry)
    heap.sort(reverse=True)
    return [e.name for e in heap]
