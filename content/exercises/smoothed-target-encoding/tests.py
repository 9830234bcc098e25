import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(81)
    levels = [f"city{i:02d}" for i in range(25)]
    weights = rng.dirichlet(np.ones(25) * 0.5)
    big_cat = [None if rng.random() < 0.05 else str(rng.choice(levels, p=weights)) for _ in range(400)]
    big_y = [int(v) for v in rng.integers(0, 2, size=400)]
    big_test = [None if rng.random() < 0.05 else f"city{int(rng.integers(0, 30)):02d}" for _ in range(120)]
    return [
        Case.of(
            "the example",
            ["a", "a", "b", None],
            [1, 0, 1, 1],
            ["b", "c", None],
            2,
            public=True,
            expected=(np.array([0.625, 0.625, 2.5 / 3, 0.75]), np.array([2.5 / 3, 0.75, 0.75])),
        ),
        Case.of(
            "no smoothing is the plain mean",
            ["x", "y", "x", "x"],
            [1.0, 0.0, 0.0, 1.0],
            ["y", "x"],
            0,
            points=2,
            expected=(np.array([2 / 3, 0.0, 2 / 3, 2 / 3]), np.array([0.0, 2 / 3])),
        ),
        Case.of(
            "missing values in both sets, their targets in the prior",
            [None, None, "p", "q"],
            [0.0, 0.0, 1.0, 1.0],
            [None, "p", None],
            1.0,
            points=2,
            expected=(np.array([0.5, 0.5, 0.75, 0.75]), np.array([0.5, 0.75, 0.5])),
        ),
        Case.of(
            "every test category unseen",
            ["r", "r", "s"],
            [3.0, 5.0, 1.0],
            ["t", "u"],
            4,
            points=2,
            expected=(np.array([(8 + 4 * 3) / 6, (8 + 4 * 3) / 6, (1 + 12) / 5]), np.array([3.0, 3.0])),
        ),
        Case.of(
            "a single training row",
            ["only"],
            [1],
            ["only", "other"],
            10,
            expected=(np.array([1.0]), np.array([1.0, 1.0])),
        ),
        Case.of(
            "an empty test set",
            ["a", "b", "a"],
            [0, 1, 1],
            [],
            1,
            expected=(np.array([5 / 9, 5 / 6, 5 / 9]), np.array([])),
        ),
        Case.of("four hundred rows, skewed categories", big_cat, big_y, big_test, 5, points=2),
    ]
