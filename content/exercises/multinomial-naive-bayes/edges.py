"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, all_equal, answered, args, empty, refused


def _word_unseen_in_a_class(X_train: Any, y_train: Any, _X_test: Any, _alpha: float) -> bool:
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train)
    return any(np.any(X_train[y_train == c].sum(axis=0) == 0) for c in np.unique(y_train))


EDGES: dict[str, Edge] = {
    "a single class": answered(all_equal(1)),
    "a word never seen in a class": answered(args(_word_unseen_in_a_class)),
    "documents long enough for exp to underflow": answered(
        args(lambda X, y, T, alpha: len(T) > 0 and np.asarray(T).sum(axis=1).max() >= 1000)
    ),
    "an empty test document": answered(
        args(lambda X, y, T, alpha: len(T) > 0 and bool(np.any(np.asarray(T).sum(axis=1) == 0)))
    ),
    "no test documents": answered(empty(2)),
    "alpha of zero, refused": refused(args(lambda X, y, T, alpha: alpha <= 0)),
    "no training documents, refused": refused(empty(0)),
    "a negative count, refused": refused(args(lambda X, y, T, alpha: bool(np.any(np.asarray(X) < 0)))),
    "test columns differ, refused": refused(args(lambda X, y, T, alpha: np.shape(T)[1] != np.shape(X)[1])),
}
