import itertools

import numpy as np

from mlinterview.exercises import Case


def _brute_force(start, trans, emit, observations):
    """Every path scored in log space, left to right; the best one, ties going to the path whose
    last state is lowest, then the one before it, and so on (what lowest-index back-pointers give)."""
    start, trans, emit = (np.asarray(a, dtype=float) for a in (start, trans, emit))
    with np.errstate(divide="ignore"):
        ls, lt, le = np.log(start), np.log(trans), np.log(emit)
    best, best_path = -np.inf, None
    for path in itertools.product(range(len(start)), repeat=len(observations)):
        score = ls[path[0]] + le[path[0], observations[0]]
        for t in range(1, len(path)):
            score = score + lt[path[t - 1], path[t]] + le[path[t], observations[t]]
        if best_path is None or score > best or (score == best and path[::-1] < best_path[::-1]):
            best, best_path = score, path
    return np.array(best_path, dtype=np.int64), float(best)


def _case(name, start, trans, emit, observations, **options):
    return Case.of(
        name,
        start,
        trans,
        emit,
        observations,
        expected=_brute_force(start, trans, emit, observations),
        **options,
    )


def cases():
    start = np.array([0.6, 0.4])
    trans = np.array([[0.7, 0.3], [0.4, 0.6]])
    emit = np.array([[0.5, 0.4, 0.1], [0.1, 0.3, 0.6]])
    # three states; state 2 is entered only from state 1, is never left and is the only one to emit 2
    start3 = np.array([0.5, 0.5, 0.0])
    trans3 = np.array([[0.8, 0.2, 0.0], [0.0, 0.5, 0.5], [0.0, 0.0, 1.0]])
    emit3 = np.array([[0.7, 0.3, 0.0], [0.4, 0.6, 0.0], [0.0, 0.1, 0.9]])
    symmetric = np.array([0.5, 0.5]), np.full((2, 2), 0.5), np.array([[0.5, 0.5], [0.5, 0.5]])
    rng = np.random.default_rng(5)
    long_obs = rng.integers(0, 3, size=600)  # best log-probability about -822: 0.0 in probability space
    return [
        _case("three observations, two states", start, trans, emit, [0, 1, 2], public=True),
        _case("a single observation", start, trans, emit, [2], public=True),
        _case("a stretch in the other state and back", start, trans, emit, [0, 0, 2, 2, 2, 0, 1], points=2),
        _case("forbidden transitions and emissions", start3, trans3, emit3, [0, 1, 0, 2, 2, 1], points=2),
        _case("every path ties", *symmetric, [0, 1, 1, 0], points=2),
        _case(
            "a tie between two predecessors",
            np.array([0.5, 0.5, 0.0]),
            np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]),
            np.array([[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]),
            [1, 0, 1],
            points=2,
        ),
        Case.of("600 observations", start, trans, emit, long_obs, points=2),
        _case("one observation, hidden", start3, trans3, emit3, [1]),
        Case.of("no observations", start, trans, emit, [], expected=(np.zeros(0, dtype=np.int64), 0.0)),
        Case.of("impossible observations", start3, trans3, emit3, [1, 2, 0], raises="ValueError"),
        Case.of("a symbol outside the alphabet", start, trans, emit, [0, 3], raises="ValueError"),
        Case.of(
            "emit has a row per state of another model",
            start,
            trans,
            np.vstack([emit, emit[:1]]),
            [0, 1],
            raises="ValueError",
        ),
        Case.of(
            "a transition row outside [0, 1] that sums to one",
            start,
            np.array([[1.2, -0.2], [0.4, 0.6]]),
            emit,
            [0, 1],
            raises="ValueError",
        ),
        Case.of(
            "a transition row that does not sum to one",
            start,
            np.array([[0.7, 0.4], [0.4, 0.6]]),
            emit,
            [0, 1],
            raises="ValueError",
        ),
    ]
