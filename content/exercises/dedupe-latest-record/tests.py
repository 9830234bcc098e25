import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")


def _log(rows, index=None):
    return pd.DataFrame(rows, columns=["id", "updated_at", "email"], index=index)


def cases():
    rng = np.random.default_rng(44)
    stamps = pd.date_range("2024-01-01", periods=30, freq="6h").strftime("%Y-%m-%dT%H:%M:%S").to_numpy()
    big = pd.DataFrame(
        {
            "id": rng.integers(0, 50, size=250),
            "updated_at": rng.choice(stamps, size=250).astype(object),
            "email": [f"user{i}@mail" for i in range(250)],
            "score": np.round(rng.random(250), 3),
        },
        index=rng.permutation(250),
    )
    big.loc[big.index[rng.random(250) < 0.1], "updated_at"] = NAN
    big.loc[big["id"] == 13, "updated_at"] = NAN
    example = _log(
        [
            (1, "2024-01-02T10:00:00", "a@old"),
            (2, NAN, "b@x"),
            (1, "2024-01-03T08:00:00", "a@new"),
            (1, "2024-01-03T08:00:00", "a@newer"),
        ]
    )
    return [
        Case.of(
            "the example",
            example,
            public=True,
            expected=_log([(1, "2024-01-03T08:00:00", "a@newer"), (2, NAN, "b@x")]),
        ),
        Case.of(
            "equal latest timestamps, the later row wins",
            _log(
                [
                    (5, "2023-06-01T00:00:00", "first"),
                    (4, "2023-05-01T00:00:00", "x"),
                    (5, "2023-06-01T00:00:00", "second"),
                    (5, "2023-05-31T23:59:59", "older"),
                    (5, "2023-06-01T00:00:00", "third"),
                ],
                index=[50, 40, 30, 20, 10],
            ),
            points=2,
            expected=_log([(4, "2023-05-01T00:00:00", "x"), (5, "2023-06-01T00:00:00", "third")]),
        ),
        Case.of(
            "an unknown time loses to any known one",
            _log(
                [
                    (7, "2020-01-01T00:00:00", "known"),
                    (7, NAN, "unknown-later"),
                    (3, NAN, "first-unknown"),
                    (3, None, "last-unknown"),
                ]
            ),
            points=2,
            expected=_log([(3, NAN, "last-unknown"), (7, "2020-01-01T00:00:00", "known")]),
        ),
        Case.of(
            "nothing duplicated, unsorted ids",
            _log(
                [
                    (9, "2024-02-01T00:00:00", "i"),
                    (2, "2024-01-01T00:00:00", "b"),
                    (4, "2024-03-01T00:00:00", "d"),
                ]
            ),
            expected=_log(
                [
                    (2, "2024-01-01T00:00:00", "b"),
                    (4, "2024-03-01T00:00:00", "d"),
                    (9, "2024-02-01T00:00:00", "i"),
                ]
            ),
        ),
        Case.of("a single row", _log([(1, NAN, "only")]), expected=_log([(1, NAN, "only")])),
        Case.of("no rows", _log([]), expected=_log([])),
        Case.of("two hundred fifty versions of fifty ids", big, points=2),
    ]
