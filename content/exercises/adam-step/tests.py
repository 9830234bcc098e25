import numpy as np

from mlinterview.exercises import Case


def _later_step():
    """Moments after three earlier steps, for a fourth step."""
    rng = np.random.default_rng(18)
    m = np.zeros((3, 4))
    v = np.zeros((3, 4))
    for _ in range(3):
        g = rng.normal(0.0, 2.0, size=(3, 4))
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
    return rng.normal(0.0, 1.0, size=(3, 4)), rng.normal(0.0, 2.0, size=(3, 4)), m, v


def cases():
    param, grad, m, v = _later_step()
    z = np.zeros(2)
    return [
        Case.of(
            "first step",
            np.array([1.0]),
            np.array([0.5]),
            np.zeros(1),
            np.zeros(1),
            1,
            0.1,
            0.9,
            0.999,
            1e-8,
            public=True,
            expected=(np.array([1.0 - 0.05 / (0.5 + 1e-8)]), np.array([0.05]), np.array([0.00025])),
        ),
        Case.of(
            "a zero gradient on the first step",
            np.array([2.0, -3.0]),
            np.zeros(2),
            z,
            z,
            1,
            0.01,
            0.9,
            0.999,
            1e-8,
            expected=(np.array([2.0, -3.0]), np.zeros(2), np.zeros(2)),
        ),
        Case.of(
            "the second step",
            np.array([1.0, -1.0]),
            np.array([1.0, -2.0]),
            np.array([0.1, 0.1]),
            np.array([0.001, 0.001]),
            2,
            0.01,
            0.9,
            0.999,
            1e-8,
            points=2,
        ),
        Case.of(
            "tiny gradients and a large eps",
            np.array([0.5, 0.5, 0.5]),
            np.array([1e-6, -1e-6, 0.0]),
            np.zeros(3),
            np.zeros(3),
            1,
            0.1,
            0.9,
            0.999,
            1e-3,
        ),
        Case.of("a later step, 3 x 4 weights", param, grad, m, v, 4, 0.001, 0.9, 0.999, 1e-8, points=2),
        Case.of(
            "no parameters", np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), 1, 0.1, 0.9, 0.999, 1e-8
        ),
        Case.of("step zero", z, z, z, z, 0, 0.1, 0.9, 0.999, 1e-8, raises="ValueError"),
        Case.of("shapes differ", z, np.zeros(3), z, z, 1, 0.1, 0.9, 0.999, 1e-8, raises="ValueError"),
    ]
