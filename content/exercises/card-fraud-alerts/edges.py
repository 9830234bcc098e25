"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "about 2% positives": args(lambda X, y, T: 0.01 <= np.mean(y) <= 0.03),
}
