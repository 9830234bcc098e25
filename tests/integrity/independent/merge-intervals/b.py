def merge_intervals(intervals):
    for lo, hi in intervals:
        if lo > hi:
            raise ValueError(f"bad interval {lo}, {hi}")
    if not intervals:
        return []
    items = sorted(intervals)
    result = []
    cur_lo, cur_hi = items[0]
    for lo, hi in items[1:]:
        if lo > cur_hi:
            result.append([cur_lo, cur_hi])
            cur_lo, cur_hi = lo, hi
        elif hi > cur_hi:
            cur_hi = hi
    result.append([cur_lo, cur_hi])
    return result
