import math
from collections import Counter

import numpy as np

from mlinterview.exercises import Case


def _by_hand(docs):
    """The expected answer written token by token with math and Counter, independently of the
    reference (checked once against scikit-learn's TfidfVectorizer(analyzer=lambda d: d), whose
    defaults are the statement's formula; importing scikit-learn here would cost seconds)."""
    vocabulary = sorted({t for doc in docs for t in doc})
    df = Counter(t for doc in docs for t in set(doc))
    rows = []
    for doc in docs:
        tf = Counter(doc)
        row = [tf[t] * (math.log((1 + len(docs)) / (1 + df[t])) + 1) for t in vocabulary]
        norm = math.sqrt(sum(v * v for v in row))
        rows.append([v / norm if norm else 0.0 for v in row])
    return vocabulary, np.array(rows, dtype=float).reshape(len(docs), len(vocabulary))


def _case(name, docs, **options):
    return Case.of(name, docs, expected=_by_hand(docs), **options)


def cases():
    rng = np.random.default_rng(21)
    words = [f"w{k:02d}" for k in range(30)]
    weights = 1.0 / np.arange(1, 31)  # a few frequent words, many rare ones
    corpus = [
        [str(w) for w in rng.choice(words, size=int(rng.integers(0, 25)), p=weights / weights.sum())]
        for _ in range(25)
    ]
    return [
        _case("the example", [["a", "b", "a"], ["b"]], public=True),
        _case(
            "three short documents",
            [["the", "cat", "sat"], ["the", "dog"], ["a", "cat", "and", "a", "dog"]],
            public=True,
        ),
        _case("a token in every document keeps a weight", [["x", "y"], ["x"], ["x", "z", "z"]], points=2),
        _case("an empty document in the middle", [["ml", "ops"], [], ["ml"]], points=2),
        _case("every document empty", [[], []]),
        _case("no documents", []),
        _case("a single document", [["b", "a", "b", "c"]]),
        _case("upper case sorts before lower case", [["b", "B", "a"], ["A", "b"]]),
        _case("25 documents with a long tail of rare words", corpus, points=2),
        Case.of("a document given as a string", [["a"], "a b"], raises="ValueError"),
    ]
