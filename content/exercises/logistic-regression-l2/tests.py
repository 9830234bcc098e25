import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(18)
    X = rng.normal(size=(60, 3))
    logits = X @ np.array([1.5, -2.0, 0.5]) + 0.8
    y = (rng.random(60) < 1 / (1 + np.exp(-logits))).astype(int)
    # mostly positives: the intercept carries the base rate, which a penalty on it would shrink
    X_skew = rng.normal(size=(40, 2))
    y_skew = (rng.random(40) < 0.85).astype(int)
    # separable along the first column, far from the origin: large scores with a tiny penalty
    X_sep = np.array([[90.0, 1.0], [75.0, -1.0], [-84.0, 0.5], [-105.0, 0.0]])
    y_sep = np.array([1, 1, 0, 0])
    return [
        Case.of(
            "two points, no penalty",
            [[1.0], [-1.0]],
            [1, 0],
            0.0,
            1.0,
            0.3,
            10,
            public=True,
            expected=(np.array([0.5 + 1 / (1 + np.exp(0.5))]), 0.0, 2),
        ),
        Case.of("60 points, 3 features, converges", X, y, 0.1, 0.5, 1e-6, 2000, public=True, points=2),
        Case.of(
            "mostly positive labels: the intercept is not penalised",
            X_skew,
            y_skew,
            1.0,
            0.5,
            1e-8,
            3000,
            points=2,
        ),
        Case.of("a strong penalty, a small learning rate", X, y, 2.0, 0.05, 1e-5, 5000, points=2),
        Case.of("stops at max_iter before converging", X, y, 0.01, 0.1, 1e-12, 25),
        Case.of("the starting point already meets the tolerance", X, y, 0.5, 0.5, 10.0, 100),
        Case.of("max_iter of zero", X_skew, y_skew, 0.1, 0.5, 0.0, 0),
        Case.of("separable data, huge scores", X_sep, y_sep, 1e-4, 1.0, 1e-9, 300, points=2),
        Case.of("a single example", [[2.0, -1.0]], [1], 0.5, 0.2, 1e-6, 1000),
        Case.of("no rows", np.zeros((0, 2)), np.zeros(0), 0.1, 0.1, 1e-6, 10, raises="ValueError"),
        Case.of("a label of 2", [[1.0], [2.0]], [0, 2], 0.1, 0.1, 1e-6, 10, raises="ValueError"),
        Case.of("a negative penalty", [[1.0], [2.0]], [0, 1], -0.1, 0.1, 1e-6, 10, raises="ValueError"),
        Case.of("lengths differ", [[1.0], [2.0]], [0], 0.1, 0.1, 1e-6, 10, raises="ValueError"),
    ]
