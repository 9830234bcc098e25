from collections import deque


def allowed_requests(timestamps, limit, window):
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if window <= 0:
        raise ValueError("window must be positive")
    admitted = deque()  # times of admitted requests still inside the window
    decisions = []
    previous = None
    for t in timestamps:
        if previous is not None and t < previous:
            raise ValueError("timestamps must not decrease")
        previous = t
        while admitted and admitted[0] <= t - window:
            admitted.popleft()
        if len(admitted) < limit:
            admitted.append(t)
            decisions.append(True)
        else:
            decisions.append(False)
    return decisions
