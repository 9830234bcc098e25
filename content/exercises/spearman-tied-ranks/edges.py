"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, all_equal, answered, args, non_finite, refused


def _tied(values: Any) -> bool:
    values = np.asarray(values, dtype=float)
    return len(np.unique(values)) < len(values)


EDGES: dict[str, Edge] = {
    "ties in a sample": answered(args(lambda x, y: _tied(x) or _tied(y))),
    "ties in both samples": answered(args(lambda x, y: _tied(x) and _tied(y))),
    "a constant sample, NaN": answered(all_equal(1)),
    "two observations": answered(args(lambda x, y: len(x) == 2)),
    "lengths differ, refused": refused(args(lambda x, y: len(x) != len(y))),
    "fewer than two observations, refused": refused(args(lambda x, y: len(x) < 2)),
    "a NaN, refused": refused(non_finite(0)),
}
