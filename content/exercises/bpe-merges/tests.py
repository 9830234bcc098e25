import numpy as np

from mlinterview.exercises import Case


def _corpus():
    rng = np.random.default_rng(12)
    letters = np.array(list("abcdeilnorst"))
    weights = np.linspace(2.0, 0.5, len(letters))
    freqs = {}
    while len(freqs) < 40:
        word = "".join(rng.choice(letters, size=int(rng.integers(2, 8)), p=weights / weights.sum()))
        freqs[word] = int(rng.integers(1, 20))
    probes = ["".join(rng.choice(letters, size=int(rng.integers(1, 9)))) for _ in range(10)]
    return freqs, probes


def cases():
    freqs, probes = _corpus()
    return [
        Case.of(
            "the example",
            {"hat": 3, "that": 2, "ha": 1},
            2,
            ["what", "hah"],
            public=True,
            expected=([("h", "a"), ("ha", "t")], [["w", "hat"], ["ha", "h"]]),
        ),
        Case.of(
            "a few merges on a small corpus",
            {"lower": 2, "lowest": 3, "slow": 4, "owl": 1},
            4,
            ["slower", "owls"],
            public=True,
        ),
        Case.of(
            "equal counts: the smaller pair first",
            {"zy": 2, "ab": 2, "mn": 2},
            2,
            ["zyab", "mn"],
            points=2,
            expected=([("a", "b"), ("m", "n")], [["z", "y", "ab"], ["mn"]]),
        ),
        Case.of(
            "a run of one letter: counted at every position, merged left to right",
            {"aaaa": 1, "aaa": 2},
            2,
            ["aaaaa", "aa"],
            points=2,
            # (a, a) counts 3 + 2 * 2 = 7: aaaa -> aa aa, aaa -> aa a; then (aa, a) 2 beats (aa, aa) 1;
            # aaaaa -> aa aa a -> aa aaa
            expected=([("a", "a"), ("aa", "a")], [["aa", "aaa"], ["aa"]]),
        ),
        Case.of(
            "a merge must not cross a token boundary",
            {"xab": 1, "xa": 5, "ab": 3},
            3,
            ["xab", "ab", "xa"],
            points=2,
        ),
        Case.of(
            "frequencies outweigh the number of words",
            {"ab": 1, "abx": 1, "cd": 5},
            1,
            ["abcd"],
            expected=([("c", "d")], [["a", "b", "cd"]]),
        ),
        Case.of(
            "more merges asked than possible",
            {"ab": 1, "c": 4},
            5,
            ["abc", "ba"],
            expected=([("a", "b")], [["ab", "c"], ["b", "a"]]),
        ),
        Case.of("no merges", {"tea": 2, "eat": 1}, 0, ["tea"], expected=([], [["t", "e", "a"]])),
        Case.of("unseen characters and an empty string", {"ban": 2, "nab": 1}, 2, ["", "bank?", "zz"]),
        Case.of("40 words, 12 merges", freqs, 12, probes, points=2),
        Case.of("a negative number of merges", {"ab": 1}, -1, ["ab"], raises="ValueError"),
        Case.of("an empty word", {"": 2, "ab": 1}, 1, ["ab"], raises="ValueError"),
        Case.of("a frequency of zero", {"ab": 0}, 1, ["ab"], raises="ValueError"),
    ]
