import datetime as dt

import numpy as np

from mlinterview.exercises import Case


def _by_python(logins):
    """Each account's longest streak with datetime arithmetic: an independent computation."""
    days = {}
    for account, day in logins:
        days.setdefault(account, set()).add(dt.date.fromisoformat(day))
    result = []
    for account in sorted(days):
        best = None
        for day in sorted(days[account]):
            if day - dt.timedelta(days=1) in days[account]:
                continue  # not the first day of its run
            length = 1
            while day + dt.timedelta(days=length) in days[account]:
                length += 1
            if best is None or length > best[0]:
                best = (length, day)
        result.append((account, best[0], best[1].isoformat()))
    return result


def _case(name, logins, **options):
    return Case.of(name, logins, expected=_by_python(logins), **options)


def _activity(seed):
    rng = np.random.default_rng(seed)
    start = dt.date(2023, 11, 15)
    logins = []
    for account in ["acc7", "acc2", "acc9", "acc1", "acc5", "acc3"]:
        active = rng.random() * 0.5 + 0.4
        for offset in range(90):
            if rng.random() < active:
                day = (start + dt.timedelta(days=offset)).isoformat()
                logins += [(account, day)] * int(rng.integers(1, 4))
    return [logins[i] for i in rng.permutation(len(logins))]


def cases():
    return [
        Case.of(
            "the example",
            [
                ("ana", "2024-02-28"),
                ("ana", "2024-03-01"),
                ("ana", "2024-02-29"),
                ("ana", "2024-02-29"),
                ("ana", "2024-03-05"),
                ("bo", "2024-01-02"),
            ],
            public=True,
            expected=[("ana", 3, "2024-02-28"), ("bo", 1, "2024-01-02")],
        ),
        _case(
            "a streak across New Year's Eve, a shorter one over February 29",
            [
                ("z", "2024-01-02"),
                ("z", "2023-12-30"),
                ("z", "2024-01-01"),
                ("z", "2023-12-31"),
                ("z", "2023-06-01"),
                ("z", "2024-02-29"),
                ("z", "2024-02-28"),
            ],
            points=2,
        ),
        _case(
            "several logins a day inside a streak",
            [
                ("k", "2023-05-01"),
                ("k", "2023-05-02"),
                ("k", "2023-05-02"),
                ("k", "2023-05-02"),
                ("k", "2023-05-03"),
                ("k", "2023-05-10"),
                ("k", "2023-05-11"),
            ],
            points=2,
        ),
        _case(
            "equal streaks, the earlier one wins",
            [
                ("m", "2023-09-20"),
                ("m", "2023-09-21"),
                ("m", "2023-09-01"),
                ("m", "2023-09-02"),
                ("n", "2023-01-31"),
                ("n", "2023-02-01"),
                ("n", "2023-03-01"),
            ],
        ),
        _case("only scattered days", [("s", "2022-07-09"), ("s", "2022-07-04"), ("s", "2022-07-06")]),
        _case("a single login", [("solo", "2021-12-31")]),
        Case.of("no logins", [], expected=[]),
        _case("six accounts over ninety days, repeated logins", _activity(18), points=2),
    ]
