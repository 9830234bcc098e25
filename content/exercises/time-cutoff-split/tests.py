import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")


def _frame(dates, index=None, **columns):
    return pd.DataFrame({"date": dates, **columns}, index=index)


def _empty():
    return pd.DataFrame({"date": pd.Series([], dtype=object), "x": pd.Series([], dtype=float)})


def _parts(df, train_index, test_index):
    return df.loc[train_index], df.loc[test_index]


def cases():
    rng = np.random.default_rng(7)
    days = pd.date_range("2023-01-01", periods=120, freq="D").strftime("%Y-%m-%d").to_numpy()
    big = _frame(
        rng.choice(days, size=300).tolist(),
        index=rng.permutation(np.arange(300)) + 1000,
        y=rng.integers(0, 2, size=300),
        amount=np.round(rng.normal(size=300), 3),
    )
    big.loc[big.index[rng.random(300) < 0.05], "date"] = NAN
    example = _frame(
        ["2024-03-02", "2024-01-15", "2024-03-01", NAN, "2024-02-29"],
        index=[10, 11, 12, 13, 14],
        y=[1, 0, 1, 0, 1],
    )
    ties = _frame(
        ["2024-05-02", "2024-05-01", "2024-05-02", "2024-04-30", "2024-05-01", "2024-05-02"],
        index=["a", "b", "c", "d", "e", "f"],
        x=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    )
    unknown = _frame([None, "2022-12-31", NAN, "2023-01-01"], x=[1, 2, 3, 4])
    return [
        Case.of(
            "the example",
            example,
            "2024-03-01",
            public=True,
            expected=_parts(example, [11, 14], [12, 10]),
        ),
        Case.of(
            "several rows on the cutoff day",
            ties,
            "2024-05-02",
            points=2,
            expected=_parts(ties, ["d", "b", "e"], ["a", "c", "f"]),
        ),
        Case.of(
            "unknown dates go nowhere",
            unknown,
            "2023-01-01",
            points=2,
            expected=_parts(unknown, [1], [3]),
        ),
        Case.of(
            "cutoff before every date",
            ties,
            "2024-01-01",
            expected=_parts(ties, [], ["d", "b", "e", "a", "c", "f"]),
        ),
        Case.of(
            "cutoff after every date",
            ties,
            "2025-01-01",
            expected=_parts(ties, ["d", "b", "e", "a", "c", "f"], []),
        ),
        Case.of(
            "a single row",
            _frame(["2024-01-01"], x=[5]),
            "2024-01-01",
            expected=(_empty(), _frame(["2024-01-01"], x=[5])),
        ),
        Case.of("no rows", _empty(), "2024-01-01", expected=(_empty(), _empty())),
        Case.of("three hundred rows over four months", big, "2023-03-15", points=2),
    ]
