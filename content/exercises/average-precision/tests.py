import numpy as np
from sklearn.metrics import average_precision_score

from mlinterview.exercises import Case


def _ap(y_true, scores):
    return float(average_precision_score(np.asarray(y_true), np.asarray(scores, dtype=float)))


def cases():
    rng = np.random.default_rng(18)
    y_big = (rng.random(300) < 0.3).astype(int)
    # scores rounded to one decimal: many ties, and positives score a little higher
    s_big = np.round(rng.random(300) * 0.7 + 0.3 * y_big, 1)
    examples = [
        ("no ties", [1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1], True),
        ("a tie at the top, half positive", [0, 1, 0, 1], [0.5, 0.5, 0.2, 0.2], True),
        (
            "a positive listed after its tied negative",
            np.array([1, 0, 1, 0, 0]),
            np.array([3.0, 2.0, 2.0, 1.0, 0.0]),
            False,
        ),
        (
            "a positive listed before its tied negative",
            np.array([1, 1, 0, 0, 0]),
            np.array([3.0, 2.0, 2.0, 1.0, 0.0]),
            False,
        ),
        (
            "precision rises again at a later positive",
            np.array([1, 0, 0, 1, 1]),
            np.array([5, 4, 3, 2, 1]),
            False,
        ),
        ("every score equal", np.array([0, 1, 0, 0, 1, 0]), np.full(6, 0.4), False),
        (
            "a low positive after many negatives",
            np.array([0, 1, 0, 0, 0, 1]),
            np.array([6, 5, 4, 3, 2, 1]),
            False,
        ),
        (
            "integer scores and bool labels",
            np.array([True, False, True, True, False]),
            np.array([2, 9, 7, 7, 1]),
            False,
        ),
        ("a single positive sample", np.array([1]), np.array([0.3]), False),
        ("positives only", np.array([1, 1, 1]), np.array([0.2, 0.9, 0.5]), False),
        ("300 samples with many ties", y_big, s_big, False),
    ]
    built = [
        Case.of(name, y, s, public=public, expected=_ap(y, s), points=2 if "tie" in name else 1)
        for name, y, s, public in examples
    ]
    return built + [
        Case.of("no positive label", np.array([0, 0, 0]), np.array([0.1, 0.5, 0.9]), raises="ValueError"),
        Case.of("no samples", np.zeros(0, dtype=int), np.zeros(0), raises="ValueError"),
        Case.of("a label of two", np.array([1, 2, 0]), np.array([0.1, 0.5, 0.9]), raises="ValueError"),
        Case.of("lengths differ", np.array([1, 0]), np.array([0.1, 0.5, 0.9]), raises="ValueError"),
    ]
