def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    for s, e in intervals:
        if s > e:
            raise ValueError(f"bad interval {[s, e]}")
    res = []
    for s, e in sorted(intervals, key=lambda x: x[0]):
        if res and s <= res[-1][1]:
            if e > res[-1][1]:
                res[-1][1] = e
        else:
            res.append([s, e])
    return res
