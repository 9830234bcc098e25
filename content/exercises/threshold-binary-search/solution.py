from bisect import bisect_left


def lowest_threshold(negative_scores, candidates, max_fpr):
    if not negative_scores:
        raise ValueError("no negative scores: the false-positive rate is undefined")
    scores = sorted(negative_scores)
    n = len(scores)

    def meets(t):
        flagged = n - bisect_left(scores, t)  # scores >= t
        return flagged / n <= max_fpr

    lo, hi = 0, len(candidates)  # the answer's position lies in [lo, hi]; hi means none
    while lo < hi:
        mid = (lo + hi) // 2
        if meets(candidates[mid]):
            hi = mid
        else:
            lo = mid + 1
    return candidates[lo] if lo < len(candidates) else None
