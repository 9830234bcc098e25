"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import pandas as pd

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _gaps(events: pd.DataFrame) -> pd.Series:
    ordered = events.sort_values(["user", "ts"])
    return ordered.groupby("user")["ts"].diff().dropna()


def _user_starts_within_gap_of_previous_user(events: pd.DataFrame, gap: int) -> bool:
    ordered = events.sort_values(["user", "ts"]).reset_index(drop=True)
    firsts = ordered.index[ordered["user"] != ordered["user"].shift()][1:]
    return any(abs(ordered["ts"][i] - ordered["ts"][i - 1]) <= gap for i in firsts)


EDGES: dict[str, Edge] = {
    "no events": answered(empty(0)),
    "a single event": answered(one_row(0)),
    "a pause of exactly the gap": answered(args(lambda e, gap: bool((_gaps(e) == gap).any()))),
    "events at the same second": answered(args(lambda e, gap: bool(e.duplicated(["user", "ts"]).any()))),
    "a user's first event within the gap of another user's last": answered(
        args(_user_starts_within_gap_of_previous_user)
    ),
    "rows out of time order": answered(
        args(lambda e, gap: not e.sort_values(["user", "ts"]).index.equals(e.index))
    ),
    "negative gap, refused": refused(args(lambda e, gap: gap < 0)),
}
