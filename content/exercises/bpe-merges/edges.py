"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from mlinterview.exercises.edges import Edge, answered, args, refused


def _first_pairs_tie(word_freqs, n_merges, words) -> bool:
    counts = Counter()
    for word, freq in word_freqs.items():
        for pair in pairwise(word):
            counts[pair] += freq
    top = sorted(counts.values(), reverse=True)
    return n_merges > 0 and len(top) > 1 and top[0] == top[1]


EDGES: dict[str, Edge] = {
    "a tie between the most frequent pairs": answered(args(_first_pairs_tie)),
    "a run of one character (overlapping pairs)": answered(
        args(lambda freqs, n, words: any(a * 3 in w for w in freqs for a in set(w)))
    ),
    "more merges asked than possible": answered(
        args(lambda freqs, n, words: n > sum(len(w) - 1 for w in freqs))
    ),
    "no merges": answered(args(lambda freqs, n, words: n == 0)),
    "an empty string to tokenise": answered(args(lambda freqs, n, words: "" in words)),
    "a character never seen while learning": answered(
        args(lambda freqs, n, words: bool(set("".join(words)) - set("".join(freqs))))
    ),
    "a negative number of merges, refused": refused(args(lambda freqs, n, words: n < 0)),
    "an empty word, refused": refused(args(lambda freqs, n, words: "" in freqs)),
    "a frequency below one, refused": refused(
        args(lambda freqs, n, words: any(f < 1 for f in freqs.values()))
    ),
}
