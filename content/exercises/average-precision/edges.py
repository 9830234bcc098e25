"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused


def _tie_across_labels(y_true: Any, scores: Any) -> bool:
    """Two samples with equal scores and different labels: the order of the input must not matter."""
    y, s = np.asarray(y_true, dtype=float), np.asarray(scores, dtype=float)
    return any(len(set(y[s == value].tolist())) == 2 for value in np.unique(s))


EDGES: dict[str, Edge] = {
    "a tie between a positive and a negative": answered(args(_tie_across_labels)),
    "every score equal": answered(args(lambda y, s: len(s) >= 2 and len(set(np.asarray(s).tolist())) == 1)),
    "positives only": answered(args(lambda y, s: len(y) > 0 and all(v == 1 for v in y))),
    "a single sample": answered(one_row(0)),
    "no positive label, refused": refused(args(lambda y, s: len(y) > 0 and not any(v == 1 for v in y))),
    "no samples, refused": refused(empty(0)),
    "a label other than 0 or 1, refused": refused(args(lambda y, s: any(v not in (0, 1) for v in y))),
    "lengths differ, refused": refused(args(lambda y, s: len(y) != len(s))),
}
