from bisect import bisect_left, insort


def rolling_median(values, k):
    if k < 1:
        raise ValueError("k must be at least 1")
    window = []  # the current window, kept sorted
    out = []
    half = k // 2
    for i, value in enumerate(values):
        insort(window, value)
        if i >= k:
            del window[bisect_left(window, values[i - k])]
        if i >= k - 1:
            if k % 2:
                out.append(float(window[half]))
            else:
                out.append((window[half - 1] + window[half]) / 2)
    return out
