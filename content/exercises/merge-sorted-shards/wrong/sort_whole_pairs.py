def merge_shards(shards):
    for shard in shards:
        for k in range(1, len(shard)):
            if shard[k][0] < shard[k - 1][0]:
                raise ValueError("a shard is not sorted by timestamp")
    # Sorting whole pairs breaks timestamp ties by event id instead of by shard and position.
    return sorted([list(event) for shard in shards for event in shard])
