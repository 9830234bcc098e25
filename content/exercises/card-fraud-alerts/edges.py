"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "about 2% positives": args(lambda X, y, T: 0.01 <= np.mean(y) <= 0.03),
    "no chargeback filed yet for any payment to score": args(
        lambda X, y, T: X["chargeback_filed"].max() > 0 and (T["chargeback_filed"] == 0).all()
    ),
}
