import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(27)
    big_probs = rng.beta(2.0, 3.0, size=500)
    big_labels = (rng.random(500) < np.clip(big_probs * 1.3, 0, 1)).astype(int)
    return [
        Case.of("two bins", [0.1, 0.2, 0.8, 0.9], [0, 1, 1, 1], 2, public=True, expected=0.25),
        Case.of(
            "probabilities on bin edges go up",
            np.array([0.25, 0.5, 0.5, 0.75, 0.0]),
            np.array([0, 0, 1, 1, 1]),
            4,
            points=2,
            # bins: 0 -> {0.0}, 1 -> {0.25}, 2 -> {0.5, 0.5}, 3 -> {0.75}
            expected=(1.0 + 0.25 + 2 * 0.0 + 0.25) / 5,
        ),
        Case.of(
            "a probability of one is in the last bin",
            np.array([1.0, 1.0, 0.95, 0.35]),
            np.array([1, 0, 1, 0]),
            10,
            # last bin {1.0, 1.0, 0.95}: rate 2/3, mean 59/60; bin 3 {0.35}: gap 0.35
            expected=0.75 * abs(2 / 3 - 59 / 60) + 0.25 * 0.35,
        ),
        Case.of(
            "one bin",
            np.array([0.2, 0.4, 0.9]),
            np.array([True, False, False]),
            1,
            expected=abs(1 / 3 - 0.5),
        ),
        Case.of(
            "a single sample",
            np.array([0.7]),
            np.array([1]),
            5,
            expected=0.3,
        ),
        Case.of(
            "a bin with most samples and empty bins around",
            np.array([0.05, 0.35, 0.31, 0.32, 0.38, 0.95]),
            np.array([0, 1, 0, 0, 0, 1]),
            10,
            expected=(1 / 6) * 0.05 + (4 / 6) * abs(0.25 - 0.34) + (1 / 6) * 0.05,
        ),
        Case.of("500 samples, 15 bins", big_probs, big_labels, 15, points=2),
        Case.of("no samples", np.zeros(0), np.zeros(0), 10, raises="ValueError"),
        Case.of("zero bins", [0.5], [1], 0, raises="ValueError"),
        Case.of("a probability above one", [0.5, 1.2], [1, 0], 10, raises="ValueError"),
        Case.of("a NaN probability", [0.5, float("nan")], [1, 0], 10, raises="ValueError"),
        Case.of("a label of two", [0.5, 0.2], [2, 0], 10, raises="ValueError"),
    ]
