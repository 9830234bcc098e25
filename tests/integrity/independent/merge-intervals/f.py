import heapq


def merge_intervals(intervals):
    heap = []
    for begin, finish in intervals:
        if begin > finish:
            raise ValueError("start must not exceed end")
        heapq.heappush(heap, (begin, finish))
    merged = []
    while heap:
        begin, finish = heapq.heappop(heap)
        while heap and heap[0][0] <= finish:
            finish = max(finish, heapq.heappop(heap)[1])
        merged.append([begin, finish])
    return merged
