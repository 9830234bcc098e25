import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")


def _trades(rows, index=None, **extra):
    frame = pd.DataFrame(rows, columns=["symbol", "ts"], index=index).astype({"ts": "int64"})
    for name, values in extra.items():
        frame[name] = values
    return frame


def _prices(rows):
    return pd.DataFrame(rows, columns=["symbol", "ts", "price"]).astype({"ts": "int64", "price": float})


def _with_price(trades, values):
    out = trades.copy()
    out["price"] = [float(v) for v in values]
    return out


def _market(seed):
    rng = np.random.default_rng(seed)
    symbols = ["aaa", "bbb", "ccc", "ddd"]
    quotes = pd.DataFrame(
        {
            "symbol": rng.choice(symbols, size=160),
            "ts": rng.integers(0, 1000, size=160),
            "price": np.round(rng.lognormal(3.0, 0.5, size=160), 2),
        }
    )
    # Half the trades happen at the time of some quote (of any symbol), the rest at random times.
    at_quote = rng.choice(quotes["ts"].to_numpy(), size=60)
    trades = pd.DataFrame(
        {
            "symbol": rng.choice(symbols + ["eee"], size=120),
            "ts": np.concatenate([at_quote, rng.integers(0, 1100, size=60)]),
            "qty": rng.integers(1, 500, size=120),
        },
        index=rng.permutation(np.arange(1000, 1120)),
    )
    return trades, quotes


def cases():
    example = _trades([("abc", 10), ("xyz", 3), ("abc", 4), ("abc", 25)])
    example_quotes = _prices([("abc", 5, 1.5), ("abc", 10, 1.7), ("abc", 20, 1.6), ("xyz", 8, 30.0)])
    near_future = _trades([("s", 100), ("s", 201), ("s", 299)], index=["t1", "t2", "t3"], qty=[5, 6, 7])
    two = _trades([("a", 50), ("b", 50), ("a", 70), ("b", 10)], index=[9, 3, 7, 1])
    same_time = _trades([("q", 5), ("q", 6)])
    lonely = _trades([("new", 1), ("old", 2)])
    trades, quotes = _market(18)
    return [
        Case.of(
            "the example",
            example,
            example_quotes,
            public=True,
            expected=_with_price(example, [1.7, NAN, NAN, 1.6]),
        ),
        Case.of(
            "a quote just after each trade is never used",
            near_future,
            _prices([("s", 101, 9.0), ("s", 50, 1.0), ("s", 202, 8.0), ("s", 200, 2.0), ("s", 300, 7.0)]),
            points=2,
            expected=_with_price(near_future, [1.0, 2.0, 8.0]),
        ),
        Case.of(
            "another symbol's quote is never used",
            two,
            _prices([("b", 60, 20.0), ("a", 40, 1.0), ("b", 5, 15.0), ("a", 65, 3.0), ("b", 49, 16.0)]),
            points=2,
            expected=_with_price(two, [1.0, 16.0, 3.0, 15.0]),
        ),
        Case.of(
            "a quote at the trade's time, and two quotes at one time",
            same_time,
            _prices([("q", 5, 10.0), ("q", 5, 11.0), ("q", 3, 9.0), ("q", 6, 12.0)]),
            points=2,
            expected=_with_price(same_time, [11.0, 12.0]),
        ),
        Case.of(
            "a symbol without quotes, no quote early enough",
            lonely,
            _prices([("old", 3, 4.0), ("other", 0, 1.0)]),
            expected=_with_price(lonely, [NAN, NAN]),
        ),
        Case.of(
            "no quotes at all",
            _trades([("a", 1)], index=[77]),
            _prices([]),
            expected=_with_price(_trades([("a", 1)], index=[77]), [NAN]),
        ),
        Case.of("no trades", _trades([]), _prices([("a", 1, 2.0)]), expected=_with_price(_trades([]), [])),
        Case.of("120 trades in five symbols, 160 quotes", trades, quotes, points=2),
    ]
