def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    for start, end in intervals:
        if start > end:
            raise ValueError(f"interval [{start}, {end}] has start > end")

    ordered = sorted(intervals, key=lambda iv: iv[0])
    merged = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged
