from operator import itemgetter


def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    if any(s > e for s, e in intervals):
        raise ValueError("start must not exceed end")

    ordered = sorted(((s, e) for s, e in intervals), key=itemgetter(0))
    out = []
    if not ordered:
        return out

    run_start, run_end = ordered[0]
    for s, e in ordered[1:]:
        if s > run_end:
            # a real gap: close the current run
            out.append([run_start, run_end])
            run_start, run_end = s, e
        else:
            run_end = max(run_end, e)
    out.append([run_start, run_end])
    return out
