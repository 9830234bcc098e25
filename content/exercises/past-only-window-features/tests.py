import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")
COLUMNS = ["entity", "t", "value", "prev_value", "past_mean"]


def _input(rows, index=None):
    return pd.DataFrame(rows, columns=["entity", "t", "value"], index=index).astype({"value": float})


def _expected(rows):
    return pd.DataFrame(rows, columns=COLUMNS).astype({c: float for c in COLUMNS[2:]})


def cases():
    rng = np.random.default_rng(12)
    pieces = []
    for name in ["s01", "s02", "s03", "s04", "s05", "s06"]:
        steps = rng.choice(np.arange(200), size=int(rng.integers(1, 40)), replace=False)
        pieces.append(
            pd.DataFrame({"entity": name, "t": steps, "value": np.round(rng.normal(size=len(steps)), 3)})
        )
    big = pd.concat(pieces, ignore_index=True).sample(frac=1.0, random_state=3)
    big.loc[big.index[rng.random(len(big)) < 0.1], "value"] = NAN
    big["store_size"] = rng.integers(1, 9, size=len(big))
    return [
        Case.of(
            "the example",
            _input([("a", 3, 30.0), ("b", 1, 5.0), ("a", 1, 10.0), ("a", 2, NAN), ("a", 4, 40.0)]),
            2,
            public=True,
            expected=_expected(
                [
                    ("a", 1, 10.0, NAN, NAN),
                    ("a", 2, NAN, 10.0, 10.0),
                    ("a", 3, 30.0, NAN, 10.0),
                    ("a", 4, 40.0, 30.0, 30.0),
                    ("b", 1, 5.0, NAN, NAN),
                ]
            ),
        ),
        Case.of(
            "two entities interleaved, window of three",
            _input(
                [
                    ("y", 5, 1.0),
                    ("x", 2, 4.0),
                    ("y", 9, 3.0),
                    ("x", 7, 8.0),
                    ("y", 6, 2.0),
                    ("y", 20, 10.0),
                    ("x", 1, 2.0),
                ],
                index=[9, 8, 7, 6, 5, 4, 3],
            ),
            3,
            points=2,
            expected=_expected(
                [
                    ("x", 1, 2.0, NAN, NAN),
                    ("x", 2, 4.0, 2.0, 2.0),
                    ("x", 7, 8.0, 4.0, 3.0),
                    ("y", 5, 1.0, NAN, NAN),
                    ("y", 6, 2.0, 1.0, 1.0),
                    ("y", 9, 3.0, 2.0, 1.5),
                    ("y", 20, 10.0, 3.0, 2.0),
                ]
            ),
        ),
        Case.of(
            "a window of one is the lag",
            _input([("k", 1, 1.0), ("k", 2, 2.0), ("k", 3, 4.0), ("j", 1, 7.0), ("j", 2, 9.0)]),
            1,
            expected=_expected(
                [
                    ("j", 1, 7.0, NAN, NAN),
                    ("j", 2, 9.0, 7.0, 7.0),
                    ("k", 1, 1.0, NAN, NAN),
                    ("k", 2, 2.0, 1.0, 1.0),
                    ("k", 3, 4.0, 2.0, 2.0),
                ]
            ),
        ),
        Case.of(
            "a window of only unknown values",
            _input([("m", 1, NAN), ("m", 2, NAN), ("m", 3, 6.0), ("m", 4, 8.0), ("m", 5, 1.0)]),
            2,
            points=2,
            expected=_expected(
                [
                    ("m", 1, NAN, NAN, NAN),
                    ("m", 2, NAN, NAN, NAN),
                    ("m", 3, 6.0, NAN, NAN),
                    ("m", 4, 8.0, 6.0, 6.0),
                    ("m", 5, 1.0, 8.0, 7.0),
                ]
            ),
        ),
        Case.of(
            "a single row", _input([("only", 42, 3.5)]), 5, expected=_expected([("only", 42, 3.5, NAN, NAN)])
        ),
        Case.of("no rows", _input([]), 3, expected=_expected([])),
        Case.of("six stores, shuffled, window of four", big, 4, points=2),
    ]
