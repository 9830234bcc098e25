def merge_intervals(intervals):
    for start, end in intervals:
        if start > end:
            raise ValueError("bad interval")
    merged = []
    for start, end in sorted(intervals):
        # Strict comparison: intervals that only share an end point are not merged.
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
