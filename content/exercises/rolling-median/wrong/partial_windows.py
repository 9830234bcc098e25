from bisect import bisect_left, insort


def rolling_median(values, k):
    if k < 1:
        raise ValueError("k must be at least 1")
    window = []
    out = []
    for i, value in enumerate(values):
        insort(window, value)
        if i >= k:
            del window[bisect_left(window, values[i - k])]
        # Emits a median for the partial windows at the start too (like min_periods=1).
        m = len(window)
        if m % 2:
            out.append(float(window[m // 2]))
        else:
            out.append((window[m // 2 - 1] + window[m // 2]) / 2)
    return out
