import warnings

import numpy as np
from scipy.stats import spearmanr

from mlinterview.exercises import Case


def _scipy(x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SciPy warns about a constant input, then returns NaN
        return float(spearmanr(np.asarray(x, dtype=float), np.asarray(y, dtype=float)).statistic)


def _case(name, x, y, **options):
    return Case.of(name, x, y, expected=_scipy(x, y), **options)


def cases():
    rng = np.random.default_rng(41)
    grades = rng.integers(0, 4, size=200)
    scores = np.round(grades + rng.normal(0, 1.2, size=200), 1)
    return [
        _case("a tie in one sample", [1, 2, 3, 4], [10, 20, 20, 30], public=True),
        _case("no ties, reversed order", [3.5, 1.0, 2.0], [0.1, 0.9, 0.5], public=True),
        _case("ties in both samples", np.array([1, 1, 2, 3, 3, 3]), np.array([5, 4, 4, 2, 2, 1]), points=2),
        _case(
            "a tie of three at the top",
            np.array([0.2, 0.9, 0.9, 0.9, 0.4]),
            np.array([1.0, 2.0, 3.0, 4.0, 5.0]),
            points=2,
        ),
        _case(
            "unsorted input with ties",
            np.array([4.0, 1.0, 4.0, 2.0, 1.0, 3.0]),
            np.array([2.0, 0.0, 3.0, 1.0, 1.0, 5.0]),
        ),
        _case("two observations", np.array([1.0, 2.0]), np.array([7.0, 3.0])),
        _case("negative numbers and ints", [-3, -1, -2, 5], [-1.5, 0.0, 0.0, 2.0]),
        _case("a constant sample", np.array([1.0, 2.0, 3.0]), np.array([4.0, 4.0, 4.0]), points=2),
        _case("200 graded items with many ties", grades, scores, points=2),
        Case.of("lengths differ", [1, 2, 3], [1, 2], raises="ValueError"),
        Case.of("a single observation", [1.0], [2.0], raises="ValueError"),
        Case.of("a NaN value", np.array([1.0, np.nan, 3.0]), np.array([1.0, 2.0, 3.0]), raises="ValueError"),
    ]
