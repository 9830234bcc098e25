from collections import deque


def window_max(values, k):
    if k < 1:
        raise ValueError("k must be at least 1")
    window = deque()  # indices into values; their values decrease from front to back
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
