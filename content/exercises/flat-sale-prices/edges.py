"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "prices spanning more than a factor of ten": args(lambda X, y, T: np.max(y) > 10 * np.min(y)),
    "no transfer tax known yet for any flat to value": args(
        lambda X, y, T: X["transfer_tax"].min() > 0 and (T["transfer_tax"] == 0).all()
    ),
}
