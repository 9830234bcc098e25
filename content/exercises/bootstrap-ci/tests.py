import numpy as np

from mlinterview.exercises import Case

NAN = float("nan")


def cases():
    rng = np.random.default_rng(99)
    skewed = np.round(rng.lognormal(3.0, 0.8, size=500), 2)
    return [
        Case.of("identical values", [3.0, 3.0, 3.0], 50, 0.9, 1, public=True, expected=(3.0, 3.0)),
        Case.of(
            "three values, four resamples",
            [1.0, 2.0, 6.0],
            4,
            0.5,
            0,
            public=True,
            expected=(1.0, 11.0 / 3.0),
        ),
        Case.of("a single value", [7.25], 10, 0.95, 3, expected=(7.25, 7.25)),
        # Expected values from an independent loop over the same draws, sorting and interpolating by hand.
        Case.of(
            "integers, 95 percent",
            [4, 8, 15, 16, 23, 42],
            2000,
            0.95,
            42,
            points=2,
            expected=(55.0 / 6.0, 169.0 / 6.0),
        ),
        Case.of(
            "500 skewed values, 80 percent",
            skewed,
            2000,
            0.8,
            2024,
            points=2,
            expected=(26.627534, 29.517286),
        ),
        Case.of("no values", [], 100, 0.95, 0, raises="ValueError"),
        Case.of("a NaN among the values", [1.0, NAN, 3.0], 100, 0.95, 0, raises="ValueError"),
        Case.of("an infinite value", np.array([2.0, np.inf]), 100, 0.95, 0, raises="ValueError"),
        Case.of("confidence of one", [1.0, 2.0, 3.0], 100, 1.0, 0, raises="ValueError"),
        Case.of("zero resamples", [1.0, 2.0, 3.0], 0, 0.95, 0, raises="ValueError"),
    ]
