"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, all_equal, answered, args, empty, refused


def _knn_neighbours(X_train: Any, X_query: Any) -> list[tuple[np.ndarray, np.ndarray]]:
    X_train, X_query = np.asarray(X_train, dtype=float), np.asarray(X_query, dtype=float)
    result = []
    for q in X_query:
        distances = np.sqrt(((X_train - q) ** 2).sum(axis=1))
        result.append((distances, np.argsort(distances, kind="stable")))
    return result


def _knn_kth_place_shared(X_train: Any, _y: Any, X_query: Any, k: int) -> bool:
    return any(
        k < len(order) and distances[order[k - 1]] == distances[order[k]]
        for distances, order in _knn_neighbours(X_train, X_query)
    )


def _knn_vote_tie(X_train: Any, y_train: Any, X_query: Any, k: int) -> bool:
    y_train = np.asarray(y_train)
    for _, order in _knn_neighbours(X_train, X_query):
        counts = np.unique(y_train[order[:k]], return_counts=True)[1]
        if (counts == counts.max()).sum() > 1:
            return True
    return False


EDGES: dict[str, Edge] = {
    "a distance tie at the k-th place": answered(args(_knn_kth_place_shared)),
    "a vote tie": answered(args(_knn_vote_tie)),
    "a single class": answered(all_equal(1)),
    "k equal to the training size": answered(args(lambda X, y, Q, k: k == len(X))),
    "no queries": answered(empty(2)),
    "k below one, refused": refused(args(lambda X, y, Q, k: k < 1)),
    "k above the training size, refused": refused(args(lambda X, y, Q, k: k > len(X))),
    "query columns differ, refused": refused(args(lambda X, y, Q, k: np.shape(Q)[1] != np.shape(X)[1])),
}
