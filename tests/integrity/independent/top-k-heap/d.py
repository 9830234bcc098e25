def top_k(scored, k):
    by_name = sorted(scored, key=lambda s: s[0])
    by_score = sorted(by_name, key=lambda s: s[1], reverse=True)
    out = []
    for name, _score in by_score:
        if len(out) == k:
            break
        out.append(name)
    return out
