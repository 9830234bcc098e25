"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "each condition about a quarter of the training rows": args(
        lambda X, y, T: bool(np.all(np.abs(np.bincount(y, minlength=4) / len(y) - 0.25) < 0.03))
    ),
}
