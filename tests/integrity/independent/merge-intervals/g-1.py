def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    if any(s > e for s, e in intervals):
        raise ValueError("interval with start > end")
    r = []
    for s, e in sorted(intervals, key=lambda t: t[0]):
        if r and s <= r[-1][1]:
            if e > r[-1][1]:
                r[-1][1] = e
        else:
            r.append([s, e])
    return r
