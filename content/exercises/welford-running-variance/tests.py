import numpy as np

from mlinterview.exercises import Case

NAN = float("nan")


def cases():
    rng = np.random.default_rng(31)
    offset = (1e9 + rng.integers(0, 100, size=1_000)).tolist()
    mixed = np.round(rng.normal(5.0, 3.0, size=20_000), 4).tolist()
    return [
        Case.of("three integers", [2, 4, 9], public=True, expected=[(2.0, NAN), (3.0, 2.0), (5.0, 13.0)]),
        Case.of("one value", [7.5], expected=[(7.5, NAN)]),
        Case.of("empty stream", [], expected=[]),
        Case.of(
            "constant values", [3.0, 3.0, 3.0, 3.0], expected=[(3.0, NAN), (3.0, 0.0), (3.0, 0.0), (3.0, 0.0)]
        ),
        Case.of(
            "negative floats",
            [-1.5, 0.5, -4.0, 2.0],
            expected=[(-1.5, NAN), (-0.5, 2.0), (-5.0 / 3, 61.0 / 12), (-0.75, 6.75)],
        ),
        Case.of(
            "large offset",
            [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16],
            expected=[(1e9 + 4, NAN), (1e9 + 5.5, 4.5), (1e9 + 8, 21.0), (1e9 + 10, 30.0)],
        ),
        Case.of("a thousand values near a billion", offset, points=2),
        Case.of("twenty thousand normal values", mixed),
    ]
