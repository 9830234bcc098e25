import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")
COLUMNS = ["team", "count", "mean_salary", "max_salary"]


def _frame(rows):
    return pd.DataFrame(rows, columns=COLUMNS)


def cases():
    rng = np.random.default_rng(31)
    names = np.array([f"team_{i:02d}" for i in range(15)])
    big = pd.DataFrame(
        {
            "team": rng.choice(names, size=300),
            "salary": np.round(rng.normal(60_000.0, 12_000.0, size=300), 2),
        }
    )
    big.loc[rng.random(300) < 0.15, "salary"] = NAN
    big.loc[big["team"] == "team_07", "salary"] = NAN
    return [
        Case.of(
            "two teams, one missing salary",
            pd.DataFrame({"team": ["b", "a", "b", "a"], "salary": [100.0, 50.0, NAN, 70.0]}),
            public=True,
            expected=_frame([["a", 2, 60.0, 70.0], ["b", 2, 100.0, 100.0]]),
        ),
        Case.of(
            "a team with no known salary",
            pd.DataFrame({"team": ["x", "y", "x", "z"], "salary": [10.0, NAN, 30.0, 5.0]}),
            public=True,
            expected=_frame([["x", 2, 20.0, 30.0], ["y", 1, NAN, NAN], ["z", 1, 5.0, 5.0]]),
        ),
        Case.of(
            "teams out of order, upper case sorts first",
            pd.DataFrame(
                {"team": ["beta", "Alpha", "alpha", "beta", "Gamma"], "salary": [1.0, 2.0, 3.0, 4.0, 5.0]}
            ),
            points=2,
            expected=_frame(
                [
                    ["Alpha", 1, 2.0, 2.0],
                    ["Gamma", 1, 5.0, 5.0],
                    ["alpha", 1, 3.0, 3.0],
                    ["beta", 2, 2.5, 4.0],
                ]
            ),
        ),
        Case.of(
            "missing salaries still count as rows",
            pd.DataFrame({"team": ["q", "p", "q", "p", "p"], "salary": [NAN, 4.0, NAN, NAN, 8.0]}),
            points=2,
            expected=_frame([["p", 3, 6.0, 8.0], ["q", 2, NAN, NAN]]),
        ),
        Case.of(
            "one row",
            pd.DataFrame({"team": ["solo"], "salary": [42.5]}),
            expected=_frame([["solo", 1, 42.5, 42.5]]),
        ),
        Case.of(
            "extra columns and a custom index",
            pd.DataFrame(
                {
                    "team": ["m", "k", "m"],
                    "age": [30, 41, 25],
                    "salary": [1.5, NAN, 2.5],
                    "dept": ["r", "s", "r"],
                },
                index=[100, 7, 55],
            ),
            expected=_frame([["k", 1, NAN, NAN], ["m", 2, 2.0, 2.5]]),
        ),
        Case.of(
            "negative and tied salaries",
            pd.DataFrame({"team": ["a", "a", "a"], "salary": [-1.0, -3.0, -1.0]}),
            expected=_frame([["a", 3, -5.0 / 3.0, -1.0]]),
        ),
        Case.of(
            "no rows",
            pd.DataFrame({"team": pd.Series([], dtype=object), "salary": pd.Series([], dtype=float)}),
            expected=pd.DataFrame(columns=COLUMNS),
        ),
        Case.of("three hundred rows, fifteen teams", big, points=2),
    ]
