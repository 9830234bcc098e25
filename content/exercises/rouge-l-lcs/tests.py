from functools import cache

import numpy as np

from mlinterview.exercises import Case


def _f_score(candidate, reference, beta):
    """ROUGE-L from a memoised recursive LCS: an independent computation of the expected value."""

    @cache
    def lcs(i, j):
        if i == len(candidate) or j == len(reference):
            return 0
        if candidate[i] == reference[j]:
            return 1 + lcs(i + 1, j + 1)
        return max(lcs(i + 1, j), lcs(i, j + 1))

    common = lcs(0, 0)
    if common == 0:
        return 0.0
    p, r = common / len(candidate), common / len(reference)
    return (1 + beta**2) * p * r / (r + beta**2 * p)


def _case(name, candidate, reference, beta, **options):
    return Case.of(
        name,
        candidate,
        reference,
        beta,
        expected=_f_score(tuple(candidate), tuple(reference), beta),
        rtol=1e-9,
        **options,
    )


def _texts(seed):
    rng = np.random.default_rng(seed)
    vocabulary = ["the", "model", "data", "a", "of", "loss", "is", "to", "and", "we"]
    reference = [str(t) for t in rng.choice(vocabulary, size=120)]
    # The candidate keeps most reference tokens in order, drops some and inserts others.
    kept = [t for t in reference if rng.random() < 0.7]
    for _ in range(30):
        kept.insert(int(rng.integers(0, len(kept) + 1)), str(rng.choice(vocabulary)))
    return kept, reference


def cases():
    reference = ["the", "cat", "sat", "on", "the", "mat"]
    candidate, long_reference = _texts(18)
    return [
        Case.of(
            "four common tokens",
            ["the", "cat", "lay", "on", "a", "mat"],
            reference,
            1.0,
            public=True,
            expected=2 / 3,
            rtol=1e-9,
        ),
        Case.of(
            "a short candidate, recall weighted",
            ["the", "cat"],
            reference,
            2.0,
            public=True,
            expected=5 / 13,
            rtol=1e-9,
        ),
        _case("a gap in the middle of the match", list("abcd"), list("acxd"), 1.0),
        _case(
            "an early token that greedy matching takes",
            ["x", "a", "b", "c"],
            ["a", "b", "c", "x"],
            1.0,
            points=2,
        ),
        _case(
            "recall weighted, candidate longer than the reference",
            list("abxcyd"),
            list("abcd"),
            3.0,
            points=2,
        ),
        _case("precision weighted", list("ab"), list("axbycz"), 0.5),
        _case("repeated tokens", ["the", "the", "the"], ["the", "cat", "the"], 1.0),
        _case("case matters, nothing in common", ["The", "Cat"], ["the", "cat"], 1.0),
        _case("identical texts", reference, reference, 1.5),
        _case("an empty candidate", [], reference, 1.0),
        _case("an empty reference", reference, [], 1.0),
        _case("texts of about a hundred tokens", candidate, long_reference, 1.2, points=2),
        Case.of("beta of zero is refused", ["a"], ["a"], 0.0, raises="ValueError"),
        Case.of("a negative beta is refused", ["a"], ["a"], -1.0, raises="ValueError"),
    ]
