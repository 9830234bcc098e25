import math


def allowed_requests(timestamps, limit, window):
    if limit < 1 or window <= 0:
        raise ValueError("bad limit or window")
    decisions = []
    bucket, count = None, 0
    previous = None
    for t in timestamps:
        if previous is not None and t < previous:
            raise ValueError("timestamps must not decrease")
        previous = t
        # A fixed-window counter: windows [k * window, (k + 1) * window) reset the count at their edge.
        current = math.floor(t / window)
        if current != bucket:
            bucket, count = current, 0
        if count < limit:
            count += 1
            decisions.append(True)
        else:
            decisions.append(False)
    return decisions
