"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "defaults rarer than one in ten": args(lambda X, y, T: np.mean(y) < 0.1),
    "no repayment due yet for any application to price": args(
        lambda X, y, T: X["months_in_arrears"].max() > 0 and (T["months_in_arrears"] == 0).all()
    ),
}
