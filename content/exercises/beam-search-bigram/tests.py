import numpy as np

from mlinterview.exercises import Case


def _log_softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def cases():
    rng = np.random.default_rng(5)
    table = _log_softmax(rng.normal(0.0, 1.5, size=(6, 6)))
    example = np.array([[-5.0, -1.0, -2.0], [-3.0, -3.0, -0.5], [-1.0, -1.0, -1.0]])
    # step 2 ties [1, 1] with [2, 1] for the last slot: the smaller list wins, although [2] ranked first
    tie_at_cut = np.array(
        [
            [-9.0, -1.0, -0.5, -9.0],
            [-9.0, -1.0, -9.0, -9.0],
            [-9.0, -1.5, -9.0, -0.5],
            [-1.0, -1.0, -1.0, -1.0],
        ]
    )
    # ending at once costs 1.2 in all; a chain of 1s costs 0.4 a token: the raw score prefers [2],
    # the normalised one the longest chain
    short_or_long = np.array(
        [
            [-9.0, -0.5, -1.2],
            [-9.0, -0.4, -0.9],
            [-1.0, -1.0, -1.0],
        ]
    )
    never_ends = table.copy()
    never_ends[:, 5] = -50.0
    end_first = table.copy()
    end_first[2, 4] = -0.01
    return [
        Case.of(
            "the example",
            example,
            0,
            2,
            2,
            3,
            False,
            public=True,
            expected=[([1, 2], -1.5), ([2], -2.0), ([1, 0, 1], -5.0), ([1, 0, 2], -6.0)],
        ),
        Case.of("six tokens, beam of 3", table, 0, 5, 3, 6, False, public=True),
        Case.of("six tokens, beam of 3, length-normalised", table, 0, 5, 3, 6, True, points=2),
        Case.of("six tokens, beam of 4, start 3", table, 3, 1, 4, 5, False, points=2),
        Case.of("a beam of one is greedy", table, 1, 5, 1, 6, False),
        Case.of("a beam wider than the vocabulary", example, 0, 2, 10, 3, False),
        Case.of("the end token is the best first step", end_first, 2, 4, 1, 6, False),
        Case.of("max_len reached before any end token", never_ends, 0, 5, 3, 4, True, points=2),
        Case.of("a tie at the edge of the beam", tie_at_cut, 0, 3, 2, 3, False, points=2),
        Case.of(
            "length normalisation prefers the longer hypothesis", short_or_long, 0, 2, 2, 4, True, points=2
        ),
        Case.of("the same table without normalisation", short_or_long, 0, 2, 2, 4, False),
        Case.of("max_len of one", table, 0, 5, 3, 1, True),
        Case.of("a table that is not square", np.zeros((2, 3)), 0, 1, 2, 3, False, raises="ValueError"),
        Case.of("start outside the vocabulary", example, 3, 2, 2, 3, False, raises="ValueError"),
        Case.of("end outside the vocabulary", example, 0, 3, 2, 3, False, raises="ValueError"),
        Case.of("a beam width of zero", example, 0, 2, 0, 3, False, raises="ValueError"),
        Case.of("max_len of zero", example, 0, 2, 2, 0, False, raises="ValueError"),
    ]
