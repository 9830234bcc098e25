from collections import deque


def allowed_requests(timestamps, limit, window):
    if limit < 1 or window <= 0:
        raise ValueError("bad limit or window")
    admitted = deque()
    decisions = []
    previous = None
    for t in timestamps:
        if previous is not None and t < previous:
            raise ValueError("timestamps must not decrease")
        previous = t
        # Keeps a request exactly one window old: the window is [t - window, t].
        while admitted and admitted[0] < t - window:
            admitted.popleft()
        if len(admitted) < limit:
            admitted.append(t)
            decisions.append(True)
        else:
            decisions.append(False)
    return decisions
