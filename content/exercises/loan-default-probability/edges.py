"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "defaults rarer than one in ten": args(lambda X, y, T: np.mean(y) < 0.1),
}
