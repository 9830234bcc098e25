import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(44)
    latency = np.round(rng.lognormal(3.0, 0.5, size=100_000), 2)
    latency[rng.integers(0, latency.size, size=200)] *= 50  # outliers
    counts = rng.integers(0, 20, size=3_000).tolist()
    return [
        Case.of("odd window", [5, 1, 4, 2, 8, 7], 3, public=True, expected=[4.0, 2.0, 4.0, 7.0]),
        Case.of("even window", [5, 1, 4, 2], 2, public=True, expected=[3.0, 2.5, 3.0]),
        Case.of("even window, odd sums", [1, 2, 10, 3, 6], 4, expected=[2.5, 4.5]),
        Case.of("window of one", [3.5, -1.0, 2.0], 1, expected=[3.5, -1.0, 2.0]),
        Case.of("window as long as the list", [9, 2, 7, 4, 1], 5, expected=[4.0]),
        Case.of("window longer than the list", [9, 2], 3, expected=[]),
        Case.of("empty list", [], 1, expected=[]),
        Case.of("repeated values", [2, 2, 2, 5, 2, 2], 3, expected=[2.0, 2.0, 2.0, 2.0]),
        Case.of("small counts, window of 50", counts, 50),
        Case.of("100 thousand latencies, window of 2000", latency.tolist(), 2_000, points=2),
        Case.of("window of zero", [1, 2, 3], 0, raises="ValueError"),
    ]
