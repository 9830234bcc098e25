"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _column_missing_in_train(X_train: Any, _X_test: Any, _strategy: str) -> bool:
    X_train = np.asarray(X_train, dtype=float)
    return bool(len(X_train)) and bool(np.isnan(X_train).all(axis=0).any())


def _even_median(X_train: Any, _X_test: Any, strategy: str) -> bool:
    known = (~np.isnan(np.asarray(X_train, dtype=float))).sum(axis=0)
    return strategy == "median" and bool(np.any((known > 0) & (known % 2 == 0)))


EDGES: dict[str, Edge] = {
    "a column missing everywhere in train": answered(args(_column_missing_in_train)),
    "a median of an even count": answered(args(_even_median)),
    "an empty test set": answered(empty(1)),
    "no training rows": answered(empty(0)),
    "an unknown strategy, refused": refused(args(lambda a, b, s: s not in ("mean", "median"))),
}
