import numpy as np

from mlinterview.exercises import Case


def _pair(n, seed):
    rng = np.random.default_rng(seed)
    alphabet = list("acgt")
    a = rng.choice(alphabet, size=n)
    b = a.copy()
    # Mutate about a fifth of the positions, then cut and extend, so the answer is far from trivial.
    spots = rng.choice(n, size=n // 5, replace=False)
    b[spots] = rng.choice(alphabet, size=spots.size)
    return "".join(a.tolist()), "".join(b[37:].tolist()) + "".join(rng.choice(alphabet, size=90).tolist())


def cases():
    long_a, long_b = _pair(450, 4)
    return [
        Case.of("kitten and sitting", "kitten", "sitting", public=True, expected=3),
        Case.of("a swap costs two", "ab", "ba", expected=2),
        Case.of("a swap inside a word", "recieve", "receive", expected=2),
        Case.of("case matters", "Paris", "paris", expected=1),
        Case.of("insertions at the front", "smith", "jo smith", expected=3),
        Case.of("only substitutions", "abcdef", "uvwxyz", expected=6),
        Case.of("one string empty", "", "abc", expected=3),
        Case.of("both empty", "", "", expected=0),
        Case.of("identical", "entity resolution", "entity resolution", expected=0),
        Case.of("non-ASCII names", "Müller", "Mueller", expected=2),
        Case.of("four hundred and fifty characters", long_a, long_b, points=2),
    ]
