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
        if i >= k - 1:
            # For an even window this is the upper of the two middle values, not their mean.
            out.append(float(window[k // 2]))
    return out
