"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, non_finite, one_row, refused


def _cascades(y: Any, weights: Any) -> bool:
    """Pool-adjacent-violators merges a new value with two or more earlier blocks at once."""
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    means: list[float] = []
    totals: list[float] = []
    for value, weight in zip(np.asarray(y, dtype=float), w, strict=True):
        means.append(value)
        totals.append(weight)
        merges = 0
        while len(means) > 1 and means[-1] < means[-2]:
            mean, total = means.pop(), totals.pop()
            means[-1] = (means[-1] * totals[-1] + mean * total) / (totals[-1] + total)
            totals[-1] += total
            merges += 1
        if merges >= 2:
            return True
    return False


def _weighted(y: Any, weights: Any) -> bool:
    return weights is not None and len(set(np.asarray(weights, dtype=float).tolist())) > 1


EDGES: dict[str, Edge] = {
    "a merge that cascades backwards": answered(args(_cascades)),
    "unequal weights": answered(args(_weighted)),
    "already non-decreasing": answered(args(lambda y, w: len(y) > 1 and bool(np.all(np.diff(y) >= 0)))),
    "a single value": answered(one_row(0)),
    "empty input": answered(empty(0)),
    "a weight that is not positive, refused": refused(
        args(lambda y, w: w is not None and len(w) == len(y) and min(w) <= 0)
    ),
    "a negative weight, refused": refused(
        args(lambda y, w: w is not None and len(w) == len(y) and min(w) < 0)
    ),
    "weights of another length, refused": refused(args(lambda y, w: w is not None and len(w) != len(y))),
    "a NaN, refused": refused(non_finite(0)),
}
