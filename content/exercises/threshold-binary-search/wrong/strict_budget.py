from bisect import bisect_left


def lowest_threshold(negative_scores, candidates, max_fpr):
    if not negative_scores:
        raise ValueError("no negative scores")
    scores = sorted(negative_scores)
    n = len(scores)

    def meets(t):
        # A rate exactly on the budget is refused.
        return (n - bisect_left(scores, t)) / n < max_fpr

    lo, hi = 0, len(candidates)
    while lo < hi:
        mid = (lo + hi) // 2
        if meets(candidates[mid]):
            hi = mid
        else:
            lo = mid + 1
    return candidates[lo] if lo < len(candidates) else None
