def _merge_two(left, right):
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        # Strict comparison: on equal timestamps the right-hand (later) shard goes first.
        if left[i][0] < right[j][0]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def merge_shards(shards):
    for shard in shards:
        for k in range(1, len(shard)):
            if shard[k][0] < shard[k - 1][0]:
                raise ValueError("a shard is not sorted by timestamp")
    runs = [[[t, e] for t, e in shard] for shard in shards]
    if not runs:
        return []
    # Pairwise merges, halving the number of runs each round.
    while len(runs) > 1:
        runs = [
            _merge_two(runs[i], runs[i + 1]) if i + 1 < len(runs) else runs[i] for i in range(0, len(runs), 2)
        ]
    return runs[0]
