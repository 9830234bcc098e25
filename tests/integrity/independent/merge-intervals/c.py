def merge_intervals(intervals):
    events = []
    for s, e in intervals:
        if s > e:
            raise ValueError("interval with start > end")
        events.append((s, 0))
        events.append((e, 1))
    events.sort()
    out, depth, opened = [], 0, None
    for point, kind in events:
        if kind == 0:
            if depth == 0:
                opened = out.pop()[0] if out and out[-1][1] == point else point
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                out.append([opened, point])
    return out
