"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "only weeks after the last training week": args(lambda X, y, T: T["week"].min() > X["week"].max()),
    "a right-skewed target": args(lambda X, y, T: np.mean(y) > 1.3 * np.median(y)),
}
