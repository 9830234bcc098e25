import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")


def _orders(rows, index=None):
    return pd.DataFrame(rows, columns=["order_id", "amount", "tags"], index=index).astype({"amount": float})


def _expected(rows):
    frame = pd.DataFrame(rows, columns=["tag", "n_orders", "revenue"])
    return frame.astype({"tag": object, "n_orders": "int64", "revenue": float})


def _catalogue(seed):
    rng = np.random.default_rng(seed)
    spellings = ["nlp", " NLP", "vision", "Vision ", "tabular", "rl", "RL", "  ", "speech"]
    rows = []
    for order_id in rng.permutation(np.arange(1, 151)):
        tags = [str(t) for t in rng.choice(spellings, size=int(rng.integers(0, 5)))]
        amount = NAN if rng.random() < 0.15 else float(rng.integers(1, 40) * 5)
        rows.append((int(order_id), amount, tags))
    frame = _orders(rows, index=rng.permutation(np.arange(150)))
    frame["channel"] = rng.choice(["web", "shop"], size=len(frame))
    return frame


def cases():
    return [
        Case.of(
            "the example",
            _orders(
                [(1, 10.0, ["ml", "Python"]), (2, 5.0, ["python ", "python"]), (3, NAN, ["ML"]), (4, 7.0, [])]
            ),
            public=True,
            expected=_expected([("python", 2, 15.0), ("ml", 2, 10.0)]),
        ),
        Case.of(
            "one tag spelled three ways in one order",
            _orders([(7, 20.0, ["Data", " data", "DATA "]), (8, 1.0, ["data", "ops"])], index=[3, 1]),
            points=2,
            expected=_expected([("data", 2, 21.0), ("ops", 1, 1.0)]),
        ),
        Case.of(
            "orders with unknown amounts still count",
            _orders([(1, NAN, ["a", "b"]), (2, NAN, ["b"]), (3, 4.0, ["a"])]),
            points=2,
            expected=_expected([("a", 2, 4.0), ("b", 2, 0.0)]),
        ),
        Case.of(
            "equal revenues, blank tags, an empty list",
            _orders(
                [(1, 3.0, ["zeta", "  "]), (2, 3.0, ["alpha"]), (3, 9.0, []), (4, 1.5, [" ", "mid", "Mid"])]
            ),
            expected=_expected([("alpha", 1, 3.0), ("zeta", 1, 3.0), ("mid", 1, 1.5)]),
        ),
        Case.of("a single order", _orders([(5, 2.5, ["x"])]), expected=_expected([("x", 1, 2.5)])),
        Case.of("no tags at all", _orders([(1, 2.0, []), (2, NAN, [])]), expected=_expected([])),
        Case.of("no orders", _orders([]), expected=_expected([])),
        Case.of("150 orders, tags in several spellings", _catalogue(18), points=2),
    ]
