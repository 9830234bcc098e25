import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(3)
    big = []
    for c in range(12):
        for p in rng.choice(60, size=int(rng.integers(1, 25)), replace=False):
            revenue = None if rng.random() < 0.1 else float(rng.integers(0, 8) * 10)
            big.append((f"cat{c:02d}", f"item{int(p):02d}", revenue))
    order = rng.permutation(len(big))
    big = [big[i] for i in order]
    return [
        Case.of(
            "the example",
            [
                ("toys", "ball", 5.0),
                ("toys", "kite", 9.0),
                ("toys", "yoyo", 5.0),
                ("food", "tea", None),
                ("food", "jam", 2.0),
            ],
            2,
            public=True,
            expected=[("food", "jam", 2.0, 1), ("toys", "kite", 9.0, 1), ("toys", "ball", 5.0, 2)],
        ),
        Case.of(
            "a tie across the cut, inserted in reverse name order",
            [("a", "zed", 3.0), ("a", "mid", 3.0), ("a", "amy", 3.0), ("a", "top", 7.0), ("b", "one", 1.0)],
            2,
            points=2,
            expected=[("a", "top", 7.0, 1), ("a", "amy", 3.0, 2), ("b", "one", 1.0, 1)],
        ),
        Case.of(
            "unknown revenues fill no places",
            [("x", "p1", None), ("x", "p2", 4.0), ("x", "p3", None), ("y", "q1", None)],
            3,
            points=2,
            expected=[("x", "p2", 4.0, 1)],
        ),
        Case.of(
            "n larger than every category, integer revenues",
            [("k", "b", 2), ("k", "a", 2), ("j", "c", -1), ("k", "c", 0)],
            10,
            expected=[("j", "c", -1.0, 1), ("k", "a", 2.0, 1), ("k", "b", 2.0, 2), ("k", "c", 0.0, 3)],
        ),
        Case.of(
            "a single category",
            [("solo", "b", 1.5), ("solo", "a", 2.5), ("solo", "c", 0.5)],
            1,
            expected=[("solo", "a", 2.5, 1)],
        ),
        Case.of("no rows", [], 3, expected=[]),
        Case.of("twelve categories, round revenues with ties", big, 4, points=2),
    ]
