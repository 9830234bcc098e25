import numpy as np
import pandas as pd

from mlinterview.exercises import Case

NAN = float("nan")
COLUMNS = ["id", "amount_a", "amount_b", "status"]


def _source(rows, index=None, **extra):
    frame = pd.DataFrame(rows, columns=["id", "amount"], index=index).astype({"amount": float})
    for name, values in extra.items():
        frame[name] = values
    return frame


def _result(rows):
    return pd.DataFrame(rows, columns=COLUMNS).astype({"amount_a": float, "amount_b": float})


def cases():
    rng = np.random.default_rng(64)
    ids_a = rng.choice(np.arange(300), size=150, replace=False)
    ids_b = np.concatenate([rng.choice(ids_a, size=110, replace=False), np.arange(300, 330)])
    amounts = {int(i): float(np.round(rng.gamma(2.0, 40.0), 2)) for i in np.arange(330)}
    big_a = _source([(int(i), amounts[int(i)]) for i in ids_a], index=rng.permutation(150) * 3)
    big_b_rows = []
    for i in ids_b:
        value = amounts[int(i)]
        roll = rng.random()
        if roll < 0.1:
            value = round(value + 0.01 * int(rng.integers(1, 100)), 2)
        elif roll < 0.2:
            value += 0.001
        elif roll < 0.25:
            value = NAN
        big_b_rows.append((int(i), value))
    big_b = _source(big_b_rows[::-1])
    big_a.loc[big_a.index[:8], "amount"] = NAN
    return [
        Case.of(
            "the example",
            _source([(1, 10.0), (2, 5.0), (3, NAN)]),
            _source([(3, NAN), (2, 5.001), (4, 7.0)]),
            public=True,
            expected=_result(
                [
                    (1, 10.0, NAN, "only_a"),
                    (2, 5.0, 5.001, "match"),
                    (3, NAN, NAN, "match"),
                    (4, NAN, 7.0, "only_b"),
                ]
            ),
        ),
        Case.of(
            "NaN on one side is a mismatch, on both a match",
            _source([(5, NAN), (6, 1.0), (7, NAN)], source=["x", "y", "z"]),
            _source([(7, NAN), (6, NAN), (5, 2.0)], index=[42, 40, 41]),
            points=2,
            expected=_result([(5, NAN, 2.0, "mismatch"), (6, 1.0, NAN, "mismatch"), (7, NAN, NAN, "match")]),
        ),
        Case.of(
            "differences under and over half a cent",
            _source([(1, 100.0), (2, 100.0), (3, -7.25), (4, 0.0)]),
            _source([(1, 100.004), (2, 100.01), (3, -7.2), (4, -0.0)]),
            points=2,
            expected=_result(
                [
                    (1, 100.0, 100.004, "match"),
                    (2, 100.0, 100.01, "mismatch"),
                    (3, -7.25, -7.2, "mismatch"),
                    (4, 0.0, -0.0, "match"),
                ]
            ),
        ),
        Case.of(
            "no ids in common",
            _source([(9, 1.0), (7, 2.0)]),
            _source([(8, 3.0)]),
            expected=_result([(7, 2.0, NAN, "only_a"), (8, NAN, 3.0, "only_b"), (9, 1.0, NAN, "only_a")]),
        ),
        Case.of(
            "one source empty",
            _source([]),
            _source([(2, NAN), (1, 4.5)]),
            expected=_result([(1, NAN, 4.5, "only_b"), (2, NAN, NAN, "only_b")]),
        ),
        Case.of("both empty", _source([]), _source([]), expected=_result([])),
        Case.of("a hundred fifty ids against a hundred forty", big_a, big_b, points=2),
    ]
