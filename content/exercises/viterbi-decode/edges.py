"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _best_paths(start: Any, trans: Any, emit: Any, observations: Any) -> tuple[float, int]:
    """The best joint log-probability and how many paths reach it exactly."""
    start, trans, emit = (np.asarray(a, dtype=float) for a in (start, trans, emit))
    with np.errstate(divide="ignore"):
        ls, lt, le = np.log(start), np.log(trans), np.log(emit)
    scores = []
    for path in itertools.product(range(len(start)), repeat=len(observations)):
        score = ls[path[0]] + le[path[0], observations[0]]
        for t in range(1, len(path)):
            score = score + lt[path[t - 1], path[t]] + le[path[t], observations[t]]
        scores.append(score)
    best = max(scores)
    return best, scores.count(best)


def _short(observations: Any, emit: Any) -> bool:
    """Few enough observations to score every path, all of them symbols of the alphabet."""
    return 0 < len(observations) <= 8 and all(0 <= o < np.shape(emit)[1] for o in observations)


def _has_zero(start: Any, trans: Any, emit: Any, _observations: Any) -> bool:
    return any(0.0 in np.asarray(p, dtype=float) for p in (start, trans, emit))


EDGES: dict[str, Edge] = {
    "zero probabilities in the model": answered(args(_has_zero)),
    "several best paths tie": answered(
        args(lambda s, t, e, o: _short(o, e) and _best_paths(s, t, e, o)[1] > 1)
    ),
    "a sequence long enough to underflow in probability space": answered(
        args(lambda s, t, e, o: len(o) >= 500)
    ),
    "a single observation": answered(one_row(3)),
    "no observations": answered(empty(3)),
    "impossible observations, refused": refused(
        args(lambda s, t, e, o: _short(o, e) and _best_paths(s, t, e, o)[0] == -np.inf)
    ),
    "a symbol outside the alphabet, refused": refused(args(lambda s, t, e, o: max(o) >= np.shape(e)[1])),
    "shapes that disagree, refused": refused(args(lambda s, t, e, o: np.shape(e)[0] != len(s))),
    "a probability outside [0, 1], refused": refused(
        args(lambda s, t, e, o: any(np.any((np.asarray(p) < 0) | (np.asarray(p) > 1)) for p in (s, t, e)))
    ),
    "a distribution not summing to one, refused": refused(
        args(lambda s, t, e, o: not np.allclose(np.sum(t, axis=1), 1.0))
    ),
}
