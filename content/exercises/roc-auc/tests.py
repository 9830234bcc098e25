import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(8)
    big_y = (rng.random(3000) < 0.2).astype(int)
    big_scores = np.round(rng.normal(loc=0.6 * big_y, scale=1.0), 1)
    return [
        Case.of("four samples", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], public=True, expected=0.75),
        Case.of(
            "a tie between classes", [1, 0, 1, 0, 1], [0.9, 0.9, 0.5, 0.2, 0.5], public=True, expected=3.5 / 6
        ),
        Case.of("all scores tied", [0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3], expected=0.5),
        Case.of("perfectly inverted", [1, 1, 0], [0.1, 0.2, 0.3], expected=0.0),
        Case.of(
            "boolean labels and integer scores",
            np.array([True, False, True, False]),
            np.array([3, 1, 1, 2]),
            expected=0.625,
        ),
        Case.of("three thousand samples with many ties", big_y, big_scores, points=2),
        Case.of("only positives", [1, 1, 1], [0.2, 0.5, 0.9], raises="ValueError"),
        Case.of("empty input", [], [], raises="ValueError"),
    ]
