import numpy as np

from mlinterview.exercises import Case


def _data(rng, n, d, noise):
    X = rng.normal(size=(n, d))
    true_w = np.linspace(1.0, -1.0, d)
    return X, X @ true_w + 0.5 + rng.normal(0.0, noise, size=n)


def cases():
    rng = np.random.default_rng(7)
    # nearly as many features as training rows, noisy targets: the validation error turns back up
    X_small, y_small = _data(rng, 10, 8, 1.5)
    X_val, y_val = _data(rng, 30, 8, 0.0)
    X_big, y_big = _data(rng, 80, 3, 0.3)
    X_big_val, y_big_val = _data(rng, 40, 3, 0.3)
    return [
        Case.of(
            "one step",
            [[1.0], [2.0]],
            [2.0, 4.0],
            [[3.0]],
            [6.0],
            0.1,
            1,
            1,
            public=True,
            expected=(np.array([1.0]), 0.6, 1),
        ),
        Case.of(
            "80 rows, still improving at max_epochs",
            X_big,
            y_big,
            X_big_val,
            y_big_val,
            0.01,
            40,
            5,
            public=True,
        ),
        Case.of(
            "overfitting: the validation error turns up",
            X_small,
            y_small,
            X_val,
            y_val,
            0.05,
            400,
            10,
            points=2,
        ),
        Case.of("overfitting with a patience of one", X_small, y_small, X_val, y_val, 0.05, 400, 1, points=2),
        Case.of(
            "a diverging learning rate: nothing beats epoch 0",
            X_big,
            y_big,
            X_big_val,
            y_big_val,
            1.5,
            30,
            3,
            points=2,
        ),
        Case.of(
            "a flat validation error (zero targets, the weights never move)",
            X_big,
            np.zeros(80),
            X_big_val,
            y_big_val,
            0.1,
            50,
            4,
            points=2,
        ),
        Case.of("max_epochs of zero", X_big, y_big, X_big_val, y_big_val, 0.01, 0, 3),
        # 15 epochs: every one still improves the validation error by a relative 1e-6 or more; by
        # epoch 40 the weights converge and improvements of one rounding unit would decide best_epoch
        Case.of(
            "a single training row", [[1.0, 2.0]], [3.0], [[0.5, 1.0], [2.0, 0.0]], [1.5, 2.0], 0.05, 15, 5
        ),
        Case.of(
            "no training rows",
            np.zeros((0, 2)),
            np.zeros(0),
            [[1.0, 2.0]],
            [1.0],
            0.1,
            5,
            2,
            raises="ValueError",
        ),
        Case.of(
            "no validation rows",
            [[1.0, 2.0]],
            [1.0],
            np.zeros((0, 2)),
            np.zeros(0),
            0.1,
            5,
            2,
            raises="ValueError",
        ),
        Case.of(
            "targets and rows differ", [[1.0], [2.0]], [1.0], [[1.0]], [1.0], 0.1, 5, 2, raises="ValueError"
        ),
        Case.of("columns differ", [[1.0, 2.0]], [1.0], [[1.0]], [1.0], 0.1, 5, 2, raises="ValueError"),
        Case.of("a patience of zero", [[1.0]], [1.0], [[1.0]], [1.0], 0.1, 5, 0, raises="ValueError"),
    ]
