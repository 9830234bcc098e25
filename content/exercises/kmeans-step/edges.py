"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _equidistant_point(X: Any, centroids: Any) -> bool:
    X, centroids = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    if not len(X) or not len(centroids):
        return False
    distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return bool(np.any((distances == distances.min(axis=1, keepdims=True)).sum(axis=1) > 1))


def _centroid_without_points(X: Any, centroids: Any) -> bool:
    X, centroids = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    if not len(X) or not len(centroids):
        return False
    nearest = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    return len(set(nearest.tolist())) < len(centroids)


EDGES: dict[str, Edge] = {
    "no points": answered(empty(0)),
    "a point equidistant from two centroids": answered(args(_equidistant_point)),
    "a centroid that gets no points": answered(args(_centroid_without_points)),
    "no centroids, refused": refused(empty(1)),
    "column counts differ, refused": refused(
        args(lambda X, c: np.asarray(X).shape[1:] != np.asarray(c).shape[1:])
    ),
}
