def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    pairs = []
    for item in intervals:
        lo, hi = item[0], item[1]
        if lo > hi:
            raise ValueError(f"interval {item!r} has start > end")
        pairs.append((lo, hi))
    pairs.sort(key=lambda p: p[0])

    merged = []
    for lo, hi in pairs:
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1][1] = hi
        else:
            merged.append([lo, hi])
    return merged
