from collections import deque


def window_max(values, k):
    if k < 1:
        raise ValueError("k must be at least 1")
    if len(values) <= k:
        # A list shorter than the window still gets one (partial) window.
        return [max(values)] if values else []
    window = deque()
    out = []
    for i, value in enumerate(values):
        while window and values[window[-1]] <= value:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            out.append(values[window[0]])
    return out
