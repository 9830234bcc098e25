def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    v = [(s, e) for s, e in intervals]
    for s, e in v:
        if s > e:
            raise ValueError(f"bad interval [{s}, {e}]")
    if not v:
        return []
    v.sort()
    out = []
    lo, hi = v[0]
    for s, e in v[1:]:
        if s > hi:
            out.append([lo, hi])
            lo, hi = s, e
        else:
            hi = max(hi, e)
    out.append([lo, hi])
    return out
