import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")


def _users(ids, names=None, index=None):
    names = names if names is not None else [f"u{i}" for i in ids]
    return pd.DataFrame({"user_id": ids, "name": names}, index=index)


def _orders(rows):
    return pd.DataFrame(rows, columns=["user_id", "amount"]).astype({"amount": float})


def _expected(users, counts, totals):
    result = users.copy()
    result["n_orders"] = counts
    result["total_amount"] = [float(t) for t in totals]
    return result


def cases():
    rng = np.random.default_rng(18)
    big_users = _users(rng.integers(0, 60, size=80).tolist(), index=rng.permutation(np.arange(500, 580)))
    big_orders = pd.DataFrame(
        {
            "user_id": rng.integers(0, 70, size=400),
            "amount": np.round(rng.gamma(2.0, 30.0, size=400), 2),
            "channel": rng.choice(["web", "app"], size=400),
        }
    )
    big_orders.loc[rng.random(400) < 0.1, "amount"] = NAN
    example = _users([1, 2, 1], ["ann", "bo", "ann-work"])
    twice = _users([7, 7, 7, 8], index=[30, 20, 10, 0])
    only_nan = _users([4, 5])
    lonely = _users([9])
    return [
        Case.of(
            "a user listed twice, a user without orders",
            example,
            _orders([(1, 10.0), (1, NAN), (3, 5.0)]),
            public=True,
            expected=_expected(example, [2, 0, 2], [10.0, 0.0, 10.0]),
        ),
        Case.of(
            "a user listed three times, custom index",
            twice,
            _orders([(7, 1.5), (8, 2.0), (7, 2.5), (7, 4.0)]),
            points=2,
            expected=_expected(twice, [3, 3, 3, 1], [8.0, 8.0, 8.0, 2.0]),
        ),
        Case.of(
            "only unknown amounts",
            only_nan,
            _orders([(4, NAN), (4, NAN), (5, 3.0), (6, 100.0)]),
            points=2,
            expected=_expected(only_nan, [2, 1], [0.0, 3.0]),
        ),
        Case.of(
            "no orders at all",
            _users([1, 2]),
            _orders([]),
            expected=_expected(_users([1, 2]), [0, 0], [0.0, 0.0]),
        ),
        Case.of(
            "a single user, orders of strangers only",
            lonely,
            _orders([(1, 5.0), (2, 6.0)]),
            expected=_expected(lonely, [0], [0.0]),
        ),
        Case.of(
            "no users",
            _users([]).astype({"user_id": "int64"}),
            _orders([(1, 5.0)]),
            expected=pd.DataFrame(columns=["user_id", "name", "n_orders", "total_amount"]),
        ),
        Case.of("eighty users with repeats, four hundred orders", big_users, big_orders, points=2),
    ]
