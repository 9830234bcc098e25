import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")


def _activity(rows, index=None):
    return pd.DataFrame(rows, columns=["user", "month"], index=index)


def _expected(rows, span):
    columns = ["cohort", "size", *[f"m{k}" for k in range(span + 1)]]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"cohort": object, "size": "int64", **{c: float for c in columns[2:]}})


def _product_log(seed):
    rng = np.random.default_rng(seed)
    months = [f"{2023 + (m // 12)}-{m % 12 + 1:02d}" for m in range(7, 21)]  # 2023-08 .. 2024-09
    rows = []
    for user in range(120):
        start = int(rng.integers(0, len(months)))
        stay = rng.random() < 0.6
        for m in range(start, len(months)):
            # Always active in the first month, then less and less often.
            if m == start or (stay and rng.random() < 0.7 ** (m - start)):
                rows += [(f"u{user:03d}", months[m])] * int(rng.integers(1, 3))
    frame = _activity(rows).sample(frac=1.0, random_state=seed)
    frame["events"] = rng.integers(1, 20, size=len(frame))
    return frame


def cases():
    return [
        Case.of(
            "the example",
            _activity(
                [
                    ("ann", "2023-11"),
                    ("bob", "2023-11"),
                    ("ann", "2023-12"),
                    ("ann", "2023-12"),
                    ("cat", "2023-12"),
                    ("bob", "2024-01"),
                    ("cat", "2024-01"),
                ]
            ),
            public=True,
            expected=_expected([("2023-11", 2, 1.0, 0.5, 0.5), ("2023-12", 1, 1.0, 1.0, NAN)], 2),
        ),
        Case.of(
            "January to March is two months, a silent month in between",
            _activity(
                [
                    ("a", "2023-03"),
                    ("b", "2023-01"),
                    ("a", "2023-01"),
                    ("c", "2023-01"),
                    ("c", "2023-04"),
                    ("d", "2023-03"),
                ],
                index=[9, 7, 5, 3, 1, 0],
            ),
            points=2,
            expected=_expected(
                [("2023-01", 3, 1.0, 0.0, 1 / 3, 1 / 3), ("2023-03", 1, 1.0, 0.0, NAN, NAN)], 3
            ),
        ),
        Case.of(
            "the same user many times in one month",
            _activity(
                [("x", "2022-05")] * 3
                + [("y", "2022-05"), ("x", "2022-06"), ("x", "2022-06"), ("z", "2022-06")]
            ),
            points=2,
            expected=_expected([("2022-05", 2, 1.0, 0.5), ("2022-06", 1, 1.0, NAN)], 1),
        ),
        Case.of(
            "across a year boundary",
            _activity(
                [("p", "2021-12"), ("q", "2021-12"), ("p", "2022-01"), ("q", "2022-02"), ("r", "2022-02")]
            ),
            expected=_expected([("2021-12", 2, 1.0, 0.5, 0.5), ("2022-02", 1, 1.0, NAN, NAN)], 2),
        ),
        Case.of(
            "a single row",
            _activity([("solo", "2020-02")], index=[12]),
            expected=_expected([("2020-02", 1, 1.0)], 0),
        ),
        Case.of(
            "no rows",
            _activity([]),
            expected=pd.DataFrame(
                {"cohort": pd.Series([], dtype=object), "size": pd.Series([], dtype="int64")}
            ),
        ),
        Case.of("120 users over fourteen months, shuffled", _product_log(18), points=2),
    ]
