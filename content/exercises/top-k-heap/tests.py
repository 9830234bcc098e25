import numpy as np

from mlinterview.exercises import Case


def _many(n, seed):
    rng = np.random.default_rng(seed)
    # Scores on a coarse grid, so that many items tie, including at the cutoff.
    scores = rng.integers(0, 200, size=n) / 4
    ids = [f"item{int(i):06d}" for i in rng.permutation(n)]
    return [(item, float(score)) for item, score in zip(ids, scores, strict=True)]


def cases():
    four = [("a", 0.5), ("b", 0.9), ("c", 0.5), ("d", 0.1)]
    return [
        Case.of("four items, top three", four, 3, public=True, expected=["b", "a", "c"]),
        Case.of("a tie at the cutoff", four, 2, public=True, expected=["b", "a"]),
        Case.of(
            "ties listed in reverse id order",
            [["z", 3], ["y", 3], ["x", 3], ["w", 1], ["v", 3]],
            3,
            expected=["v", "x", "y"],
        ),
        Case.of(
            "negative and integer scores",
            [("m", -2), ("n", -0.5), ("o", -2.0), ("p", 0), ("q", -7)],
            4,
            expected=["p", "n", "m", "o"],
        ),
        Case.of("k larger than the list", [("b", 1.0), ("a", 1.0), ("c", 2.0)], 10, expected=["c", "a", "b"]),
        Case.of("k of zero", [("a", 1.0), ("b", 2.0)], 0, expected=[]),
        Case.of("no items", [], 5, expected=[]),
        Case.of("all scores equal", [(s, 0.25) for s in "qwertyuiop"], 4, expected=["e", "i", "o", "p"]),
        Case.of("200 thousand items, many ties", _many(200_000, 3), 25, points=2),
        Case.of("negative k is refused", [("a", 1.0)], -1, raises="ValueError"),
    ]
