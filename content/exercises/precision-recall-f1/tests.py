import numpy as np

from mlinterview.exercises import Case

NAN = float("nan")


def cases():
    rng = np.random.default_rng(5)
    big_y = (rng.random(500) < 0.3).astype(int)
    big_scores = np.round(0.5 * big_y + rng.random(500), 2)
    return [
        Case.of(
            "five samples",
            [1, 0, 1, 1, 0],
            [0.9, 0.8, 0.4, 0.6, 0.2],
            0.5,
            public=True,
            expected=(2 / 3, 2 / 3, 2 / 3),
        ),
        Case.of(
            "perfect recall", [0, 1, 1, 0], [0.3, 0.7, 0.7, 0.1], 0.3, public=True, expected=(2 / 3, 1.0, 0.8)
        ),
        Case.of(
            "a score equal to the threshold is positive",
            [1, 0, 1],
            [0.5, 0.5, 0.2],
            0.5,
            expected=(0.5, 0.5, 0.5),
        ),
        Case.of(
            "precision differs from recall",
            [1, 1, 1, 0, 0, 0, 1],
            [0.9, 0.8, 0.3, 0.7, 0.1, 0.2, 0.4],
            0.75,
            expected=(1.0, 0.5, 2 / 3),
        ),
        Case.of("no predicted positives", [1, 0, 1], [0.1, 0.2, 0.3], 0.9, expected=(0.0, 0.0, 0.0)),
        Case.of("no actual positives", [0, 0, 0], [0.9, 0.1, 0.5], 0.5, expected=(0.0, 0.0, 0.0)),
        Case.of("empty input", [], [], 0.5, expected=(0.0, 0.0, 0.0)),
        Case.of("NaN scores are negative", [1, 1, 0, 0], [NAN, 0.8, 0.9, NAN], 0.5, expected=(0.5, 0.5, 0.5)),
        Case.of("five hundred samples with tied scores", big_y, big_scores, 0.75, points=2),
    ]
