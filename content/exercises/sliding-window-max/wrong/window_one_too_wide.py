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
        # Evicts an index only once it is k + 1 behind: windows hold k + 1 values.
        if window[0] < i - k:
            window.popleft()
        if i >= k - 1:
            out.append(values[window[0]])
    return out
