import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")


def _long(rows, index=None):
    return pd.DataFrame(rows, columns=["user_id", "feature", "value"], index=index).astype({"value": float})


def _wide(columns, rows):
    return pd.DataFrame(rows, columns=["user_id", *columns]).astype({c: float for c in columns})


def cases():
    rng = np.random.default_rng(99)
    features = ["age", "clicks", "days_active", "Spend", "tenure", "visits"]
    big = _long(
        [
            (int(rng.integers(100, 140)), str(rng.choice(features)), float(np.round(rng.normal(10, 3), 2)))
            for _ in range(350)
        ],
        index=rng.permutation(350),
    )
    big.loc[big.index[rng.random(350) < 0.1], "value"] = NAN
    return [
        Case.of(
            "the example",
            _long(
                [
                    (2, "clicks", 4.0),
                    (1, "age", 30.0),
                    (2, "clicks", 6.0),
                    (1, "clicks", NAN),
                    (3, "age", NAN),
                ]
            ),
            public=True,
            expected=_wide(["age", "clicks"], [(1, 30.0, NAN), (2, NAN, 5.0), (3, NAN, NAN)]),
        ),
        Case.of(
            "repeated measurements are averaged, NaN ones skipped",
            _long(
                [(7, "x", 1.0), (7, "x", NAN), (7, "x", 4.0), (8, "x", 2.0), (7, "y", 10.0), (7, "y", 20.0)]
            ),
            points=2,
            expected=_wide(["x", "y"], [(7, 2.5, 15.0), (8, 2.0, NAN)]),
        ),
        Case.of(
            "a feature and a user with no known value",
            _long([(5, "b", NAN), (4, "a", 1.0), (6, "a", NAN), (4, "b", NAN)], index=[3, 2, 1, 0]),
            points=2,
            expected=_wide(["a", "b"], [(4, 1.0, NAN), (5, NAN, NAN), (6, NAN, NAN)]),
        ),
        Case.of(
            "upper-case features sort first",
            _long([(1, "beta", 2.0), (1, "Zed", 3.0), (2, "alpha", -1.0)]),
            expected=_wide(["Zed", "alpha", "beta"], [(1, 3.0, NAN, 2.0), (2, NAN, -1.0, NAN)]),
        ),
        Case.of("a single row", _long([(9, "only", 0.5)]), expected=_wide(["only"], [(9, 0.5)])),
        Case.of("no rows", _long([]), expected=pd.DataFrame({"user_id": pd.Series([], dtype="int64")})),
        Case.of("forty users, six features, three hundred fifty rows", big, points=2),
    ]
