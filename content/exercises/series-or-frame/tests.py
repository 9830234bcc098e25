import numpy as np
import pandas as pd

from mlinterview.exercises import Case


def _example():
    return pd.DataFrame({"a": [1, 2], "b": [3.5, 4.5], "c": ["x", "y"]}, index=[10, 20])


def _scores():
    return pd.DataFrame(
        {"name": ["ann", "bo", "cy"], "score": [0.5, 0.25, 1.0], "rank": [2, 3, 1]},
        index=["r1", "r2", "r3"],
    )


def cases():
    rng = np.random.default_rng(5)
    big = pd.DataFrame(
        {f"f{k}": np.round(rng.normal(size=120), 3) for k in range(8)},
        index=rng.permutation(np.arange(1000, 1120)),
    )
    big["label"] = rng.choice(["cat", "dog"], size=120)
    return [
        Case.of(
            "a single name as a string",
            _example(),
            "b",
            public=True,
            expected=pd.DataFrame({"b": [3.5, 4.5]}, index=[10, 20]),
        ),
        Case.of(
            "a list in a new order",
            _example(),
            ["c", "a"],
            public=True,
            expected=pd.DataFrame({"c": ["x", "y"], "a": [1, 2]}, index=[10, 20]),
        ),
        Case.of(
            "a string name, string index",
            _scores(),
            "score",
            points=2,
            expected=pd.DataFrame({"score": [0.5, 0.25, 1.0]}, index=["r1", "r2", "r3"]),
        ),
        Case.of(
            "every column, reversed",
            _scores(),
            ["rank", "score", "name"],
            expected=pd.DataFrame(
                {"rank": [2, 3, 1], "score": [0.5, 0.25, 1.0], "name": ["ann", "bo", "cy"]},
                index=["r1", "r2", "r3"],
            ),
        ),
        Case.of(
            "a one-name list",
            _scores(),
            ["name"],
            expected=pd.DataFrame({"name": ["ann", "bo", "cy"]}, index=["r1", "r2", "r3"]),
        ),
        Case.of(
            "an empty list keeps the rows",
            _scores(),
            [],
            expected=pd.DataFrame(index=["r1", "r2", "r3"]),
        ),
        Case.of(
            "a frame with no rows",
            pd.DataFrame({"a": pd.Series([], dtype=float), "b": pd.Series([], dtype=object)}),
            "b",
            expected=pd.DataFrame({"b": pd.Series([], dtype=object)}),
        ),
        Case.of("a missing name as a string", _scores(), "Score", raises="KeyError"),
        Case.of("one missing name in a list", _scores(), ["name", "age", "rank"], raises="KeyError"),
        Case.of("120 rows, five columns out of order", big, ["f6", "label", "f0", "f3", "f1"]),
    ]
