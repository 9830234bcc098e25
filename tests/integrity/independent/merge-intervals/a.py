def merge_intervals(intervals):
    ordered = sorted((list(iv) for iv in intervals), key=lambda iv: iv[0])
    merged = []
    for start, end in ordered:
        if start > end:
            raise ValueError("start after end")
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
