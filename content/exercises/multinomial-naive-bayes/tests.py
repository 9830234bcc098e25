import numpy as np

from mlinterview.exercises import Case


def cases():
    rng = np.random.default_rng(41)
    big_y = rng.choice([3, 5, 9], size=120, p=[0.5, 0.3, 0.2])
    rates = rng.dirichlet(np.ones(30), size=3)
    big_X = np.array([rng.multinomial(40, rates[[3, 5, 9].index(c)]) for c in big_y])
    big_test = np.array([rng.multinomial(60, rates[k]) for k in rng.integers(0, 3, size=25)])
    long_docs = np.array([[3000, 1000, 0], [1000, 3000, 5]])
    return [
        Case.of(
            "two words, two classes",
            [[2, 0], [0, 2]],
            [0, 1],
            [[1, 0]],
            1.0,
            public=True,
            expected=np.log(np.array([[0.75, 0.25]])),
        ),
        Case.of(
            "the prior decides an empty document",
            np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [2, 1, 0]]),
            np.array([1, 1, 1, 2]),
            np.array([[0, 0, 0]]),
            1.0,
            points=2,
            expected=np.log(np.array([[0.75, 0.25]])),
        ),
        Case.of(
            "a word never seen in one class",
            np.array([[3, 0, 1], [0, 2, 2], [1, 0, 0]]),
            np.array([0, 1, 0]),
            np.array([[0, 1, 0], [2, 0, 1]]),
            0.5,
            points=2,
        ),
        Case.of(
            "long documents, hugely negative joint log-likelihoods",
            np.array([[30, 10, 0], [10, 30, 1], [25, 15, 0]]),
            np.array([7, 8, 7]),
            long_docs,
            1.0,
            points=2,
        ),
        Case.of(
            "a single class",
            np.array([[1, 2], [3, 0]]),
            np.array([4, 4]),
            np.array([[5, 5], [0, 1]]),
            1.0,
            expected=np.zeros((2, 1)),
        ),
        Case.of("no test documents", np.array([[1, 2], [3, 0]]), np.array([0, 1]), np.zeros((0, 2)), 1.0),
        Case.of("120 documents, 30 words, labels 3, 5 and 9", big_X, big_y, big_test, 1.0, points=2),
        Case.of("alpha of zero", [[1, 0]], [0], [[1, 0]], 0.0, raises="ValueError"),
        Case.of(
            "no training documents",
            np.zeros((0, 2)),
            np.zeros(0, dtype=int),
            [[1, 0]],
            1.0,
            raises="ValueError",
        ),
        Case.of("a negative count", [[1, -1]], [0], [[1, 0]], 1.0, raises="ValueError"),
        Case.of("test columns differ", [[1, 0]], [0], [[1, 0, 2]], 1.0, raises="ValueError"),
    ]
