import numpy as np

from mlinterview.exercises import Case


def _bursty(n, seed):
    rng = np.random.default_rng(seed)
    # Quiet periods and bursts, in whole milliseconds so that many requests share a time and the
    # window's edge is exact.
    gaps = np.where(rng.random(n) < 0.1, rng.exponential(2.0, size=n), rng.exponential(0.002, size=n))
    return np.round(np.cumsum(gaps) * 1000).astype(int).tolist()


def cases():
    bursty = _bursty(200_000, 21)
    return [
        Case.of(
            "the window's edge and rejected requests",
            [0, 0, 1, 2, 3, 3, 3.5],
            2,
            3,
            public=True,
            expected=[True, True, False, False, True, True, False],
        ),
        Case.of(
            "a request exactly one window later",
            [10, 11, 12, 20, 21],
            1,
            10,
            expected=[True, False, False, True, False],
        ),
        Case.of(
            "rejected requests never count",
            [0.0, 0.5, 0.9, 1.0, 1.5, 1.9, 2.0],
            1,
            1.0,
            expected=[True, False, False, True, False, False, True],
        ),
        Case.of(
            "a burst across a fixed-window edge",
            [0.9, 0.95, 1.0, 1.05],
            2,
            1,
            expected=[True, True, False, False],
        ),
        Case.of("a burst at one instant", [5, 5, 5, 5, 5], 3, 1, expected=[True, True, True, False, False]),
        Case.of("never over the limit", [0, 10, 20, 30], 1, 5, expected=[True, True, True, True]),
        Case.of("no requests", [], 5, 60, expected=[]),
        Case.of("a small limit", [0.0, 0.1, 0.2, 0.3, 1.05, 1.12, 1.15, 2.2], 2, 1.0),
        Case.of("200 thousand bursty requests, 100 per second", bursty, 100, 1000, points=2),
        Case.of("200 thousand bursty requests, 5 per 10 ms", bursty, 5, 10),
        Case.of("a limit of zero", [1, 2], 0, 1, raises="ValueError"),
        Case.of("a window of zero", [1, 2], 3, 0, raises="ValueError"),
        Case.of("time going backwards", [1, 3, 2], 5, 1, raises="ValueError"),
    ]
