import heapq


def merge_shards(shards):
    for shard in shards:
        for k in range(1, len(shard)):
            if shard[k][0] < shard[k - 1][0]:
                raise ValueError("a shard is not sorted by timestamp")
    # (timestamp, shard index, position) orders ties by shard, then position; ids are never compared.
    heap = [(shard[0][0], s, 0) for s, shard in enumerate(shards) if shard]
    heapq.heapify(heap)
    merged = []
    while heap:
        timestamp, s, position = heapq.heappop(heap)
        merged.append([timestamp, shards[s][position][1]])
        if position + 1 < len(shards[s]):
            heapq.heappush(heap, (shards[s][position + 1][0], s, position + 1))
    return merged
