def merge_intervals(intervals: list[list[float]]) -> list[list[float]]:
    """Return the merged [start, end] intervals, sorted by start; touching intervals merge."""
    # First pass: check every interval is physically sensible (start not after end),
    # and copy them into plain (start, end) tuples so the caller's lists are untouched.
    checked_intervals = []
    for interval in intervals:
        interval_start = interval[0]
        interval_end = interval[1]
        if interval_start > interval_end:
            raise ValueError(
                "interval has start greater than end: " + repr((interval_start, interval_end))
            )
        checked_intervals.append((interval_start, interval_end))

    # Nothing to merge in an empty input.
    if len(checked_intervals) == 0:
        return []

    # Sort by start (ties broken by end, which does not matter for correctness).
    # This is the O(n log n) step; everything after it is a single linear sweep.
    checked_intervals.sort()

    merged_result = []

    # The "open" span is the one we are currently growing.
    open_span_start = checked_intervals[0][0]
    open_span_end = checked_intervals[0][1]

    for position in range(1, len(checked_intervals)):
        next_start = checked_intervals[position][0]
        next_end = checked_intervals[position][1]

        if next_start <= open_span_end:
            # Overlapping or exactly touching (closed intervals share the end point),
            # so the open span swallows this interval. Its end only moves right.
            if next_end > open_span_end:
                open_span_end = next_end
        else:
            # A real gap: the open span is finished, store it and start a new one.
            merged_result.append([open_span_start, open_span_end])
            open_span_start = next_start
            open_span_end = next_end

    # Do not forget the last span, which is still open when the loop ends.
    merged_result.append([open_span_start, open_span_end])
    return merged_result
