import numpy as np
from sklearn.isotonic import isotonic_regression as sklearn_isotonic

from mlinterview.exercises import Case


def _sklearn(y, weights):
    y = np.asarray(y, dtype=float)
    if len(y) == 0:
        return np.zeros(0)
    w = None if weights is None else np.asarray(weights, dtype=float)
    return np.asarray(sklearn_isotonic(y, sample_weight=w, increasing=True), dtype=float)


def _case(name, y, weights, **options):
    return Case.of(name, y, weights, expected=_sklearn(y, weights), **options)


def cases():
    rng = np.random.default_rng(23)
    x = np.sort(rng.random(150))
    noisy = np.round(x**2 + rng.normal(0, 0.1, size=150), 2)
    noisy_w = rng.integers(1, 5, size=150).astype(float)
    return [
        _case("one violating pair", [1, 3, 2, 4], None, public=True),
        _case("one violating pair, weighted", [1, 3, 2, 4], [1, 3, 1, 1], public=True),
        _case("a merge that cascades backwards", np.array([1.0, 4.0, 5.0, 6.0, 0.0]), None, points=2),
        _case(
            "weights decide which blocks merge",
            np.array([2.0, 3.0, 1.0, 2.5]),
            np.array([1.0, 4.0, 0.5, 1.0]),
            points=2,
        ),
        _case(
            "strictly decreasing, weighted", np.array([5.0, 4.0, 3.0, 2.0]), np.array([1.0, 2.0, 3.0, 4.0])
        ),
        _case("already non-decreasing, with equal values", np.array([0.0, 1.0, 1.0, 2.0, 2.0]), None),
        _case("equal means after a merge", np.array([2.0, 4.0, 0.0, 2.0, 3.0]), None),
        _case("a single value", np.array([0.7]), np.array([2.0])),
        _case("empty input", np.zeros(0), None),
        _case("150 noisy weighted points", noisy, noisy_w, points=2),
        Case.of("a zero weight", np.array([1.0, 0.0]), np.array([1.0, 0.0]), raises="ValueError"),
        Case.of(
            "a negative weight", np.array([2.0, 1.0, 3.0]), np.array([1.0, -1.0, 1.0]), raises="ValueError"
        ),
        Case.of("weights of another length", np.array([1.0, 0.0]), np.array([1.0]), raises="ValueError"),
        Case.of("a NaN value", np.array([1.0, np.nan, 2.0]), None, raises="ValueError"),
    ]
