import numpy as np


def beam_search(log_probs, start, end, beam_width, max_len, length_norm):
    table = np.asarray(log_probs, dtype=float)
    if table.ndim != 2 or table.shape[0] != table.shape[1]:
        raise ValueError("square table needed")
    if not (0 <= start < len(table) and 0 <= end < len(table)) or beam_width < 1 or max_len < 1:
        raise ValueError("bad arguments")
    beams = [([], 0.0)]
    for _ in range(max_len):
        candidates = []
        for tokens, logp in beams:  # a beam that emitted the end token is extended like any other
            last = tokens[-1] if tokens else start
            candidates += [(tokens + [t], logp + table[last, t]) for t in range(len(table))]
        candidates.sort(key=lambda c: (-c[1], c[0]))
        beams = candidates[:beam_width]
    scored = [(tokens, float(lp / len(tokens) if length_norm else lp)) for tokens, lp in beams]
    return sorted(scored, key=lambda h: (-h[1], h[0]))
