import numpy as np
import pandas as pd

from mlinterview.exercises import Case


def _events(rows, index=None):
    return pd.DataFrame(rows, columns=["user", "ts"], index=index).astype({"ts": "int64"})


def _expected(rows):
    return pd.DataFrame(rows, columns=["user", "ts", "session"]).astype({"ts": "int64", "session": "int64"})


def _stream(seed):
    rng = np.random.default_rng(seed)
    frames = []
    for user in ["u07", "u01", "u12", "u03", "u09"]:
        # Bursts of clicks a few seconds apart, separated by pauses of up to an hour.
        steps = np.where(rng.random(40) < 0.2, rng.integers(600, 3600, 40), rng.integers(0, 400, 40))
        frames.append(pd.DataFrame({"user": user, "ts": 1_700_000_000 + np.cumsum(steps)}))
    stream = pd.concat(frames, ignore_index=True).sample(frac=1.0, random_state=seed)
    stream["page"] = rng.choice(["home", "search", "item"], size=len(stream))
    return stream


def cases():
    example = _events([("ann", 100), ("bob", 5), ("ann", 130), ("ann", 161), ("bob", 40)])
    return [
        Case.of(
            "the example",
            example,
            30,
            public=True,
            expected=_expected(
                [("ann", 100, 1), ("ann", 130, 1), ("ann", 161, 2), ("bob", 5, 1), ("bob", 40, 2)]
            ),
        ),
        Case.of(
            "a user's first event follows closely on another user's last",
            _events(
                [("a", 10), ("a", 50), ("b", 55), ("b", 58), ("c", 1), ("c", 200)], index=[5, 4, 3, 2, 1, 0]
            ),
            10,
            points=2,
            expected=_expected(
                [("a", 10, 1), ("a", 50, 2), ("b", 55, 1), ("b", 58, 1), ("c", 1, 1), ("c", 200, 2)]
            ),
        ),
        Case.of(
            "pauses of exactly the gap, shuffled rows",
            _events([("k", 20), ("k", 0), ("k", 41), ("k", 10), ("k", 51)]),
            10,
            points=2,
            expected=_expected([("k", 0, 1), ("k", 10, 1), ("k", 20, 1), ("k", 41, 2), ("k", 51, 2)]),
        ),
        Case.of(
            "events at the same second, a gap of zero",
            _events([("z", 7), ("z", 7), ("z", 8), ("y", 3), ("z", 8), ("y", 3)]),
            0,
            expected=_expected(
                [("y", 3, 1), ("y", 3, 1), ("z", 7, 1), ("z", 7, 1), ("z", 8, 2), ("z", 8, 2)]
            ),
        ),
        Case.of(
            "a single event",
            _events([("solo", 1_700_000_000)], index=[42]),
            1800,
            expected=_expected([("solo", 1_700_000_000, 1)]),
        ),
        Case.of("no events", _events([]), 60, expected=_expected([])),
        Case.of("five users, two hundred shuffled clicks, half-hour gap", _stream(18), 1800, points=2),
        Case.of("a negative gap is refused", _events([("a", 1)]), -1, raises="ValueError"),
    ]
