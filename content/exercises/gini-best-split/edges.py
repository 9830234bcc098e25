"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, all_equal, answered, args, empty, refused


def _from_scratch_gini_tie(x: Any, y: Any) -> bool:
    """Two candidate thresholds of gini-best-split share the lowest weighted impurity."""
    x, y = np.asarray(x, dtype=float), np.asarray(y)
    values = np.unique(x)
    scores = []
    for t in (values[:-1] + values[1:]) / 2:
        score = 0.0
        for side in (x <= t, x > t):
            _, counts = np.unique(y[side], return_counts=True)
            score += side.mean() * (1 - np.sum((counts / counts.sum()) ** 2))
        scores.append(score)
    return len(scores) >= 2 and sum(s <= min(scores) + 1e-12 for s in scores) >= 2


EDGES: dict[str, Edge] = {
    "two thresholds tie": answered(args(_from_scratch_gini_tie)),
    "a single class": answered(all_equal(1)),
    "repeated feature values": answered(args(lambda x, y: 2 <= len(set(x)) < len(x))),
    "one distinct value (no candidate)": answered(args(lambda x, y: len(x) > 0 and len(set(x)) == 1)),
    "no samples, refused": refused(empty(0)),
    "lengths differ, refused": refused(args(lambda x, y: len(x) != len(y))),
}
