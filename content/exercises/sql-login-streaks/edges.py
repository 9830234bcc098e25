"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import datetime as dt

from mlinterview.exercises.edges import Edge, args, empty, one_row


def _consecutive_pairs(logins):
    days = {(a, dt.date.fromisoformat(d)) for a, d in logins}
    return [(a, d) for a, d in days if (a, d + dt.timedelta(days=1)) in days]


def _tie(logins):
    from collections import Counter

    per_account: dict[str, Counter] = {}
    days = {(a, dt.date.fromisoformat(d)) for a, d in logins}
    for a, d in days:
        if (a, d - dt.timedelta(days=1)) in days:
            continue
        n = 1
        while (a, d + dt.timedelta(days=n)) in days:
            n += 1
        per_account.setdefault(a, Counter())[n] += 1
    return any(lengths[max(lengths)] > 1 for lengths in per_account.values())


EDGES: dict[str, Edge] = {
    "no logins": empty(0),
    "a single login": one_row(0),
    "several logins on one day of a streak": args(
        lambda logins: any(logins.count((a, d.isoformat())) > 1 for a, d in _consecutive_pairs(logins))
    ),
    "a streak across a year end": args(
        lambda logins: any(d.month == 12 and d.day == 31 for _, d in _consecutive_pairs(logins))
    ),
    "a streak across February 29": args(
        lambda logins: any(
            d.month == 2 and d.day == 28 and d.year % 4 == 0 for _, d in _consecutive_pairs(logins)
        )
    ),
    "equal longest streaks": args(_tie),
    "no two consecutive days": args(lambda logins: bool(logins) and not _consecutive_pairs(logins)),
}
