import math

import numpy as np

from mlinterview.exercises import Case


def _exact_gradient(X, y, W, lam):
    """dL/dW in closed form: X^T (softmax - one_hot) / n + lam W."""
    z = X @ W
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1.0
    return X.T @ p / len(y) + lam * W


def _relative_errors(X, y, W, lam, analytic):
    """The judge's relative errors, against the closed-form gradient (central differences with
    eps = 1e-5 agree with it to about 1e-10, far inside the tolerance)."""
    exact = _exact_gradient(X, y, W, lam)
    return np.abs(analytic - exact) / np.maximum(np.maximum(np.abs(analytic), np.abs(exact)), 1e-8)


def _check(args, got):
    X, y, W, lam, analytic, _eps = args
    rel = _relative_errors(X, y, W, lam, analytic)
    want = float(rel.max())
    slack = 1e-6 * want + 1e-6
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return False, "wrong type: expected a tuple (max_rel, (p, q))"
    max_rel, worst = got
    if isinstance(max_rel, bool) or not isinstance(max_rel, (int, float)):
        return False, "wrong type: max_rel is not a number"
    if not isinstance(worst, (tuple, list)) or len(worst) != 2 or not all(isinstance(i, int) for i in worst):
        return False, "wrong type: worst is not a pair of ints"
    if not math.isfinite(max_rel) or abs(max_rel - want) > slack:
        return False, f"wrong value: max_rel {max_rel!r}, expected about {want!r}"
    p, q = worst
    if not (0 <= p < W.shape[0] and 0 <= q < W.shape[1]) or rel[p, q] < want - slack:
        return False, f"wrong value: the relative error at {tuple(worst)} is not the largest"
    return True, ""


def _case(name, X, y, W, lam, analytic, eps=1e-5, **options):
    return Case.of(name, X, y, W, lam, analytic, eps, check=_check, **options)


def _worked(name, X, y, W, lam, analytic, eps=1e-5):
    """A public example with its answer spelled out: the worst weight is clearly the worst."""
    rel = _relative_errors(X, y, W, lam, analytic)
    worst = np.unravel_index(int(np.argmax(rel)), rel.shape)
    expected = (float(rel[worst]), tuple(int(i) for i in worst))
    return Case.of(name, X, y, W, lam, analytic, eps, public=True, expected=expected)


def cases():
    X_small = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]])
    y_small = np.array([0, 1, 1])
    W_small = np.array([[0.5, -0.5], [0.0, 1.0]])
    small_no_reg = _exact_gradient(X_small, y_small, W_small, 0.0)
    small_flipped = _exact_gradient(X_small, y_small, W_small, 0.5)
    small_flipped[0, 1] = -small_flipped[0, 1]
    rng = np.random.default_rng(31)
    X = rng.normal(size=(6, 3))
    y = np.array([0, 2, 1, 1, 0, 2])
    W = rng.normal(scale=0.5, size=(3, 3))
    right = _exact_gradient(X, y, W, 0.1)
    no_reg = _exact_gradient(X, y, W, 0.0)
    one_bug = right.copy()
    one_bug[2, 1] = -one_bug[2, 1]  # a sign error in one weight
    # a feature that is zero in every row, with its weights at zero: their gradient is exactly 0
    X_dead = X.copy()
    X_dead[:, 1] = 0.0
    W_dead = W.copy()
    W_dead[1] = 0.0
    X_big = rng.normal(size=(40, 8))
    y_big = rng.integers(0, 5, size=40)
    W_big = rng.normal(scale=0.3, size=(8, 5))
    big_right = _exact_gradient(X_big, y_big, W_big, 0.05)
    summed = big_right * 1.0
    summed[:, 3] = (big_right[:, 3] - 0.05 * W_big[:, 3]) * 40 + 0.05 * W_big[:, 3]  # forgot 1/n in a column
    return [
        _worked("the regularisation term forgotten", X_small, y_small, W_small, 0.5, small_no_reg),
        _worked("a flipped sign", X_small, y_small, W_small, 0.5, small_flipped),
        _case("a correct gradient, hidden", X, y, W, 0.1, right.copy(), points=2),
        _case("the regularisation term forgotten, hidden", X, y, W, 0.1, no_reg),
        _case("a sign error in one weight", X, y, W, 0.1, one_bug, points=2),
        _case(
            "a weight whose gradient is exactly zero",
            X_dead,
            y,
            W_dead,
            0.0,
            _exact_gradient(X_dead, y, W_dead, 0.0),
            points=2,
        ),
        _case("one column summed instead of averaged", X_big, y_big, W_big, 0.05, summed),
        _case("a larger correct gradient", X_big, y_big, W_big, 0.05, big_right),
        _case(
            "a single example", X[:1], y[:1], W, 0.0, _exact_gradient(X[:1], y[:1], W, 0.0) + np.eye(3) * 1e-3
        ),
        Case.of("eps of zero", X, y, W, 0.1, right, 0.0, raises="ValueError"),
        Case.of("a negative eps", X, y, W, 0.1, right, -1e-5, raises="ValueError"),
        Case.of("analytic of the wrong shape", X, y, W, 0.1, right[:2], 1e-5, raises="ValueError"),
        Case.of("a negative lam", X, y, W, -0.1, right, 1e-5, raises="ValueError"),
        Case.of(
            "X has a column fewer than W has rows", X[:, :2], y, W, 0.1, right, 1e-5, raises="ValueError"
        ),
    ]
