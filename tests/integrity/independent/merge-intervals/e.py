def merge_intervals(intervals):
    pairs = [tuple(x) for x in intervals]
    bad = [p for p in pairs if p[0] > p[1]]
    if bad:
        raise ValueError(bad[0])
    pairs.sort(key=lambda p: p[0])
    i = 0
    answer = []
    while i < len(pairs):
        left, right = pairs[i]
        j = i + 1
        while j < len(pairs) and pairs[j][0] <= right:
            right = max(right, pairs[j][1])
            j += 1
        answer.append([left, right])
        i = j
    return answer
