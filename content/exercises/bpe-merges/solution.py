from collections import Counter
from itertools import pairwise


def _merge(tokens, pair):
    a, b = pair
    merged, i = [], 0
    while i < len(tokens):
        if i + 1 < len(tokens) and tokens[i] == a and tokens[i + 1] == b:
            merged.append(a + b)
            i += 2
        else:
            merged.append(tokens[i])
            i += 1
    return merged


def bpe(word_freqs, n_merges, words):
    if n_merges < 0:
        raise ValueError("n_merges must be non-negative")
    for word, freq in word_freqs.items():
        if not word or freq < 1:
            raise ValueError("words must be non-empty with a frequency of at least 1")
    corpus = [(list(word), freq) for word, freq in word_freqs.items()]
    merges = []
    for _ in range(n_merges):
        counts = Counter()
        for tokens, freq in corpus:
            for pair in pairwise(tokens):
                counts[pair] += freq
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append(best)
        corpus = [(_merge(tokens, best), freq) for tokens, freq in corpus]
    tokenised = []
    for word in words:
        tokens = list(word)
        for pair in merges:
            tokens = _merge(tokens, pair)
        tokenised.append(tokens)
    return merges, tokenised
