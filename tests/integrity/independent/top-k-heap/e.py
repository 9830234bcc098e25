from collections import defaultdict


def top_k(scored, k):
    groups = defaultdict(list)
    for ident, value in scored:
        groups[value].append(ident)
    chosen = []
    for value in sorted(groups, reverse=True):
        for ident in sorted(groups[value]):
            if len(chosen) >= k:
                return chosen
            chosen.append(ident)
    return chosen
