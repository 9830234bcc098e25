import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from mlinterview.exercises import Case


def _utc(text):
    return int(dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).timestamp())


def _by_zoneinfo(timestamps, tz):
    """The expected table from the standard library's zoneinfo: an independent computation."""
    if not timestamps:
        return pd.DataFrame({"day": pd.Series([], dtype=object), "events": pd.Series([], dtype="int64")})
    zone = ZoneInfo(tz)
    days = Counter(dt.datetime.fromtimestamp(t, zone).date() for t in timestamps)
    first, last = min(days), max(days)
    every = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return pd.DataFrame(
        {"day": [d.isoformat() for d in every], "events": pd.Series([days[d] for d in every], dtype="int64")}
    )


def _case(name, timestamps, tz, **options):
    return Case.of(name, timestamps, tz, expected=_by_zoneinfo(timestamps, tz), **options)


def _spring_log(seed):
    rng = np.random.default_rng(seed)
    start = _utc("2024-02-20 00:00:00")
    # Sixty days across New York's change to summer time, with busy evenings.
    return sorted(int(t) for t in start + rng.integers(0, 60 * 86400, size=300)) + [start + 70 * 86400]


def cases():
    return [
        Case.of(
            "the example",
            [1711841400, 1711929600, 1711666800],
            "Europe/Berlin",
            public=True,
            expected=pd.DataFrame(
                {"day": ["2024-03-29", "2024-03-30", "2024-03-31", "2024-04-01"], "events": [1, 0, 1, 1]}
            ),
        ),
        _case(
            "just after midnight on a summer night in New York",
            [_utc("2024-07-04 04:30:00"), _utc("2024-07-04 03:59:00"), _utc("2024-07-05 04:00:00")],
            "America/New_York",
            points=2,
        ),
        _case(
            "the 25-hour day when Berlin leaves summer time",
            [
                _utc("2024-10-26 22:30:00"),
                _utc("2024-10-27 00:30:00"),
                _utc("2024-10-27 01:30:00"),
                _utc("2024-10-27 22:59:00"),
                _utc("2024-10-27 23:00:00"),
            ],
            "Europe/Berlin",
            points=2,
        ),
        _case(
            "a winter night in Sydney (summer time in January)",
            [_utc("2024-07-10 13:30:00"), _utc("2024-07-10 14:30:00"), _utc("2024-01-10 13:30:00")],
            "Australia/Sydney",
        ),
        _case(
            "half-hour offset, repeated instants",
            [_utc("2024-01-01 18:29:00"), _utc("2024-01-01 18:30:00"), _utc("2024-01-01 18:30:00")],
            "Asia/Kolkata",
        ),
        _case("a single event", [_utc("2023-06-01 12:00:00")], "UTC"),
        _case("no events", [], "Europe/Berlin"),
        _case(
            "three hundred events across the spring change in New York",
            _spring_log(18),
            "America/New_York",
            points=2,
        ),
    ]
