def merge_intervals(intervals):
    for start, end in intervals:
        if start > end:
            raise ValueError(f"interval [{start}, {end}] ends before it starts")
    merged = []
    for start, end in sorted(intervals, key=lambda pair: (pair[0], pair[1])):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
