import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal

from mlinterview.exercises import Case


def _scipy(X, weights, means, covariances):
    """The E-step from SciPy's log-densities and log-sum-exp, independent of the reference."""
    X, weights = np.asarray(X, dtype=float), np.asarray(weights, dtype=float)
    k = len(weights)
    if len(X) == 0:
        return np.zeros((0, k)), 0.0
    with np.errstate(divide="ignore"):
        log_terms = np.column_stack(
            [
                np.log(weights[j]) + multivariate_normal(means[j], covariances[j]).logpdf(X).reshape(len(X))
                for j in range(k)
            ]
        )
    log_norm = logsumexp(log_terms, axis=1)
    return np.exp(log_terms - log_norm[:, None]), float(log_norm.sum())


def _case(name, X, weights, means, covariances, **options):
    args = tuple(np.asarray(a, dtype=float) for a in (X, weights, means, covariances))
    return Case.of(name, *args, expected=_scipy(*args), **options)


def cases():
    rng = np.random.default_rng(12)
    tilted = np.array([[2.0, 1.8], [1.8, 2.0]])
    round_ = np.array([[1.0, 0.0], [0.0, 1.0]])
    wide = np.array([[9.0, -2.0], [-2.0, 4.0]])
    means3 = np.array([[0.0, 0.0], [3.0, 3.0], [-4.0, 2.0]])
    covs3 = np.stack([tilted, round_, wide])
    X_big = np.vstack([rng.multivariate_normal(m, c, size=40) for m, c in zip(means3, covs3, strict=True)])
    a = rng.normal(size=(3, 3))
    spd3 = a @ a.T + 0.5 * np.eye(3)
    return [
        _case(
            "halfway between two equal components",
            [[2.0]],
            [0.5, 0.5],
            [[0.0], [4.0]],
            [[[1.0]], [[1.0]]],
            public=True,
        ),
        _case(
            "two full-covariance components",
            [[0.5, 0.4], [2.5, 3.5], [1.0, -1.0]],
            [0.3, 0.7],
            [[0.0, 0.0], [3.0, 3.0]],
            [tilted, round_],
            public=True,
        ),
        _case(
            "correlation decides the winner",
            [[1.0, 1.0], [1.0, -1.0]],
            [0.5, 0.5],
            [[0.0, 0.0], [0.0, 0.0]],
            [tilted, round_],
            points=2,
        ),
        _case(
            "a narrow and a wide component",
            [[0.2], [1.5], [3.0]],
            [0.5, 0.5],
            [[0.0], [0.0]],
            [[[0.1]], [[10.0]]],
            points=2,
        ),
        _case(
            "a point far from every component",
            [[1000.0, -800.0], [0.1, 0.2]],
            [0.5, 0.5],
            [[0.0, 0.0], [5.0, 5.0]],
            [tilted, round_],
            points=2,
        ),
        _case("a component with weight zero", [[0.0, 0.0], [3.0, 3.0]], [0.0, 0.4, 0.6], means3, covs3),
        _case("one component", [[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]], [1.0], [[0.5, 0.5, 0.5]], [spd3]),
        _case("no points", np.zeros((0, 2)), [0.3, 0.7], [[0.0, 0.0], [3.0, 3.0]], [tilted, round_]),
        _case("120 points, three components", X_big, [0.2, 0.5, 0.3], means3, covs3, points=2),
        Case.of(
            "weights do not sum to one",
            np.zeros((1, 1)),
            np.array([0.5, 0.6]),
            np.array([[0.0], [1.0]]),
            np.ones((2, 1, 1)),
            raises="ValueError",
        ),
        Case.of(
            "a negative weight",
            np.zeros((1, 1)),
            np.array([1.5, -0.5]),
            np.array([[0.0], [1.0]]),
            np.ones((2, 1, 1)),
            raises="ValueError",
        ),
        Case.of(
            "a covariance that is not positive definite",
            np.zeros((1, 2)),
            np.array([1.0]),
            np.zeros((1, 2)),
            np.array([[[1.0, 2.0], [2.0, 1.0]]]),
            raises="ValueError",
        ),
        Case.of(
            "a covariance that is not symmetric",
            np.zeros((1, 2)),
            np.array([1.0]),
            np.zeros((1, 2)),
            np.array([[[2.0, 0.5], [0.3, 2.0]]]),
            raises="ValueError",
        ),
        Case.of(
            "X has the wrong width",
            np.zeros((2, 3)),
            np.array([1.0]),
            np.zeros((1, 2)),
            np.eye(2)[None],
            raises="ValueError",
        ),
    ]
