from collections import Counter
from itertools import pairwise


def _merge(tokens, pair):
    out, i = [], 0
    while i < len(tokens):
        if tokens[i : i + 2] == list(pair):
            out.append(pair[0] + pair[1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def bpe(word_freqs, n_merges, words):
    if n_merges < 0 or any(not w or f < 1 for w, f in word_freqs.items()):
        raise ValueError("bad input")
    corpus = {word: list(word) for word in word_freqs}
    merges = []
    for _ in range(n_merges):
        counts = Counter()
        for word, tokens in corpus.items():
            for pair in pairwise(tokens):
                counts[pair] += word_freqs[word]
        if not counts:
            break
        best = counts.most_common(1)[0][0]  # on a tie: whichever pair was counted first
        merges.append(best)
        corpus = {word: _merge(tokens, best) for word, tokens in corpus.items()}
    result = []
    for word in words:
        tokens = list(word)
        for pair in merges:
            tokens = _merge(tokens, pair)
        result.append(tokens)
    return merges, result
