import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(8)
    big_x = np.round(rng.normal(0.0, 2.0, size=300), 1)  # rounding repeats values
    big_y = np.where(big_x + rng.normal(0.0, 1.0, size=300) > 0.5, 2, np.where(big_x < -2, 0, 1))
    return [
        Case.of("a perfect split", [1, 2, 3, 10], [0, 0, 1, 1], public=True, expected=(2.5, 0.0)),
        Case.of(
            "two candidates tie",
            np.array([4.0, 1.0, 3.0, 2.0]),
            np.array([0, 0, 1, 1]),
            points=2,
            # sorted labels 0, 1, 1, 0: thresholds 1.5 and 3.5 both score 1/3
            expected=(1.5, 1 / 3),
        ),
        Case.of(
            "a single class",
            np.array([5.0, 3.0, 9.0]),
            np.array([7, 7, 7]),
            expected=(4.0, 0.0),
        ),
        Case.of(
            "repeated feature values",
            np.array([1.0, 1.0, 2.0, 2.0, 2.0, 5.0]),
            np.array([0, 1, 0, 0, 0, 1]),
            points=2,
        ),
        Case.of(
            "the two outermost thresholds tie",
            np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]),
            np.array([0, 1, 1, 1, 1, 1, 1, 0]),
            # 0.5 and 6.5 both score 7/8 * 12/49 = 3/14; the smaller wins
            expected=(0.5, 3 / 14),
        ),
        Case.of(
            "three classes, labels not from zero",
            np.array([0.5, 0.7, 1.1, 1.3, 2.0, 2.2, 2.9]),
            np.array([-1, -1, 4, 4, 4, 9, 9]),
        ),
        Case.of("one distinct value", np.array([2.0, 2.0, 2.0]), np.array([0, 1, 0]), expected=None),
        Case.of("300 samples with repeated values", big_x, big_y, points=2),
        Case.of("no samples", np.zeros(0), np.zeros(0, dtype=int), raises="ValueError"),
        Case.of("lengths differ", [1.0, 2.0], [0], raises="ValueError"),
    ]
