def lcs_length(a, b):
    # The longest common run of consecutive tokens: a gap resets the count.
    best = 0
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            if token == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def rouge_l(candidate, reference, beta):
    if beta <= 0:
        raise ValueError("beta must be positive")
    common = lcs_length(candidate, reference)
    if common == 0:
        return 0.0
    precision = common / len(candidate)
    recall = common / len(reference)
    return (1 + beta**2) * precision * recall / (recall + beta**2 * precision)
