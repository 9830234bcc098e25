from collections import Counter
from itertools import pairwise


def _merge(tokens, pair):
    out, i = [], 0
    while i < len(tokens):
        if i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) == pair:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def bpe(word_freqs, n_merges, words):
    if n_merges < 0 or any(not w or f < 1 for w, f in word_freqs.items()):
        raise ValueError("bad input")
    corpus = [list(word) for word in word_freqs]
    merges = []
    for _ in range(n_merges):
        counts = Counter(pair for tokens in corpus for pair in pairwise(tokens))  # each word once
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        corpus = [_merge(tokens, best) for tokens in corpus]
    result = []
    for word in words:
        tokens = list(word)
        for pair in merges:
            tokens = _merge(tokens, pair)
        result.append(tokens)
    return merges, result
