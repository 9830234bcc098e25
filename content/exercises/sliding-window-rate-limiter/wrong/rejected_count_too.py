from collections import deque


def allowed_requests(timestamps, limit, window):
    if limit < 1 or window <= 0:
        raise ValueError("bad limit or window")
    seen = deque()
    decisions = []
    previous = None
    for t in timestamps:
        if previous is not None and t < previous:
            raise ValueError("timestamps must not decrease")
        previous = t
        while seen and seen[0] <= t - window:
            seen.popleft()
        decisions.append(len(seen) < limit)
        # Logs every request, rejected ones included, so a client that keeps retrying stays blocked.
        seen.append(t)
    return decisions
