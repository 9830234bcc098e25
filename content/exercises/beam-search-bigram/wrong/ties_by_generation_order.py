import numpy as np


def beam_search(log_probs, start, end, beam_width, max_len, length_norm):
    table = np.asarray(log_probs, dtype=float)
    if table.ndim != 2 or table.shape[0] != table.shape[1]:
        raise ValueError("square table needed")
    if not (0 <= start < len(table) and 0 <= end < len(table)) or beam_width < 1 or max_len < 1:
        raise ValueError("bad arguments")
    live, done = [([], 0.0)], []
    for _ in range(max_len):
        candidates = []
        for tokens, logp in live:
            last = tokens[-1] if tokens else start
            candidates += [(tokens + [t], logp + float(table[last, t])) for t in range(len(table))]
        candidates.sort(key=lambda c: -c[1])  # stable: equal scores stay in the order they were made
        live = []
        for tokens, logp in candidates[:beam_width]:
            (done if tokens[-1] == end else live).append((tokens, logp))
        if not live:
            break
    done += live
    result = [(tokens, logp / len(tokens) if length_norm else logp) for tokens, logp in done]
    return sorted(result, key=lambda h: -h[1])
