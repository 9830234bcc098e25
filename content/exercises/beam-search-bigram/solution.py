import numpy as np


def beam_search(log_probs, start, end, beam_width, max_len, length_norm):
    table = np.asarray(log_probs, dtype=float)
    if table.ndim != 2 or table.shape[0] != table.shape[1] or table.shape[0] == 0:
        raise ValueError("log_probs must be a square 2-D array")
    vocab = table.shape[0]
    if not (0 <= start < vocab and 0 <= end < vocab):
        raise ValueError("start and end must be token ids")
    if beam_width < 1 or max_len < 1:
        raise ValueError("beam_width and max_len must be at least 1")

    live = [([], 0.0)]
    finished = []
    for _ in range(max_len):
        candidates = []
        for tokens, logp in live:
            last = tokens[-1] if tokens else start
            for token in range(vocab):
                candidates.append((tokens + [token], logp + float(table[last, token])))
        candidates.sort(key=lambda c: (-c[1], c[0]))
        live = []
        for tokens, logp in candidates[:beam_width]:
            (finished if tokens[-1] == end else live).append((tokens, logp))
        if not live:
            break
    finished.extend(live)

    def score(hypothesis):
        tokens, logp = hypothesis
        return logp / len(tokens) if length_norm else logp

    ranked = [(tokens, score((tokens, logp))) for tokens, logp in finished]
    ranked.sort(key=lambda h: (-h[1], h[0]))
    return ranked
