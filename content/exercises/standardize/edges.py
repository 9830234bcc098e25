"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, args, empty, one_row


def _constant_column(X_train: Any, _X_test: Any) -> bool:
    X_train = np.asarray(X_train, dtype=float)
    return len(X_train) >= 2 and bool(np.any(X_train.std(axis=0) == 0))


EDGES: dict[str, Edge] = {
    "a constant training column": args(_constant_column),
    "a single training row": one_row(0),
    "an empty test set": empty(1),
}
