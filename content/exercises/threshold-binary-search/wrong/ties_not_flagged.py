from bisect import bisect_right


def lowest_threshold(negative_scores, candidates, max_fpr):
    if not negative_scores:
        raise ValueError("no negative scores")
    scores = sorted(negative_scores)
    n = len(scores)

    def meets(t):
        # bisect_right counts only scores strictly above t: a score equal to t escapes.
        return (n - bisect_right(scores, t)) / n <= max_fpr

    lo, hi = 0, len(candidates)
    while lo < hi:
        mid = (lo + hi) // 2
        if meets(candidates[mid]):
            hi = mid
        else:
            lo = mid + 1
    return candidates[lo] if lo < len(candidates) else None
