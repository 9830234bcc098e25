"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import pandas as pd

from mlinterview.exercises.edges import Edge, args, empty, one_row


def _numbers(activity: pd.DataFrame) -> pd.Series:
    return activity["month"].str.slice(0, 4).astype(int) * 12 + activity["month"].str.slice(5, 7).astype(int)


def _silent_month(activity: pd.DataFrame) -> bool:
    numbers = set(_numbers(activity)) if len(activity) else set()
    return bool(numbers) and len(numbers) < max(numbers) - min(numbers) + 1


def _crosses_year(activity: pd.DataFrame) -> bool:
    return len(activity) > 0 and activity["month"].str.slice(0, 4).nunique() > 1


def _months_apart_across_february(activity: pd.DataFrame) -> bool:
    # Two months of one user 59 days apart (January to March or February to April, not in a leap year).
    if not len(activity):
        return False
    starts = pd.to_datetime(activity["month"], format="%Y-%m")
    for _user, days in starts.groupby(activity["user"]):
        values = sorted(set(days))
        if any((b - a).days == 59 for i, a in enumerate(values) for b in values[i + 1 :]):
            return True
    return False


EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "a single row": one_row(0),
    "a user on several rows of one month": args(lambda a: bool(a.duplicated(["user", "month"]).any())),
    "a month without any activity": args(_silent_month),
    "across a year boundary": args(_crosses_year),
    "two months apart across February": args(_months_apart_across_february),
    "a cohort with unobserved months": args(
        lambda a: len(a) > 0 and a.groupby("user")["month"].min().nunique() > 1
    ),
}
