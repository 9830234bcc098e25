"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, args

EDGES: dict[str, Edge] = {
    "a team with under 2% of the training tickets": args(
        lambda X, y, T: np.bincount(y).min() < 0.02 * len(y)
    ),
    "words never seen in training": args(
        lambda X, y, T: (
            len(
                {w for text in T["text"] for w in text.split()}
                - {w for text in X["text"] for w in text.split()}
            )
            > 100
        )
    ),
}
