from operator import itemgetter


def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    pairs = [(lo, hi) for lo, hi in intervals]
    bad = [p for p in pairs if p[0] > p[1]]
    if bad:
        raise ValueError(f"invalid intervals (start > end): {bad[:3]}")
    if not pairs:
        return []

    pairs.sort(key=itemgetter(0))
    result = []
    run_lo, run_hi = pairs[0]
    for lo, hi in pairs[1:]:
        if lo > run_hi:
            # a real gap: close the current run
            result.append([run_lo, run_hi])
            run_lo, run_hi = lo, hi
        else:
            run_hi = max(run_hi, hi)
    result.append([run_lo, run_hi])
    return result
