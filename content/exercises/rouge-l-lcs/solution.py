def lcs_length(a, b):
    # previous[j]: the LCS length of the tokens seen of a and b[:j]; one row at a time.
    previous = [0] * (len(b) + 1)
    for token in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            current[j] = previous[j - 1] + 1 if token == other else max(previous[j], current[j - 1])
        previous = current
    return previous[-1]


def rouge_l(candidate, reference, beta):
    if beta <= 0:
        raise ValueError("beta must be positive")
    common = lcs_length(candidate, reference)
    if common == 0:
        return 0.0
    precision = common / len(candidate)
    recall = common / len(reference)
    return (1 + beta**2) * precision * recall / (recall + beta**2 * precision)
