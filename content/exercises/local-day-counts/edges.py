"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from mlinterview.exercises.edges import Edge, args, empty, one_row


def _local_dates(timestamps, tz):
    return [dt.datetime.fromtimestamp(t, ZoneInfo(tz)).date() for t in timestamps]


def _offsets(timestamps, tz):
    return {dt.datetime.fromtimestamp(t, ZoneInfo(tz)).utcoffset() for t in timestamps}


def _date_differs_from_utc(timestamps, tz):
    utc = [dt.datetime.fromtimestamp(t, dt.UTC).date() for t in timestamps]
    return any(a != b for a, b in zip(utc, _local_dates(timestamps, tz), strict=True))


def _quiet_day(timestamps, tz):
    dates = set(_local_dates(timestamps, tz))
    return bool(dates) and len(dates) < (max(dates) - min(dates)).days + 1


EDGES: dict[str, Edge] = {
    "no events": empty(0),
    "a single event": one_row(0),
    "a local date that differs from the UTC date": args(_date_differs_from_utc),
    "events on both sides of a daylight-saving change": args(lambda t, tz: len(_offsets(t, tz)) > 1),
    "a day without events between two with events": args(_quiet_day),
    "the same instant twice": args(lambda t, tz: len(set(t)) < len(t)),
    "an offset that is not a whole hour": args(
        lambda t, tz: any(o.total_seconds() % 3600 for o in _offsets(t, tz))
    ),
}
