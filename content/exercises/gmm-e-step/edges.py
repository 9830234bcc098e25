"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _underflows_everywhere(X: Any, weights: Any, means: Any, covariances: Any) -> bool:
    """A point whose density is 0.0 in float64 under every component (the naive ratio is 0 / 0)."""
    X, means, covariances = (np.asarray(a, dtype=float) for a in (X, means, covariances))
    if len(X) == 0:
        return False
    maha = np.column_stack(
        [
            np.einsum("ni,ij,nj->n", X - m, np.linalg.inv(c), X - m)
            for m, c in zip(means, covariances, strict=True)
        ]
    )
    return bool(np.any(np.all(np.exp(-0.5 * maha) == 0.0, axis=1)))


def _not_symmetric(X: Any, weights: Any, means: Any, covariances: Any) -> bool:
    return any(
        not np.allclose(c, np.transpose(c), rtol=0.0, atol=1e-8) for c in np.asarray(covariances, dtype=float)
    )


def _not_positive_definite(X: Any, weights: Any, means: Any, covariances: Any) -> bool:
    return any(np.linalg.eigvalsh(np.asarray(c, dtype=float)).min() <= 0 for c in covariances)


EDGES: dict[str, Edge] = {
    "a point far from every component": answered(args(_underflows_everywhere)),
    "a component with weight zero": answered(args(lambda X, w, m, c: 0.0 in list(w))),
    "one component": answered(args(lambda X, w, m, c: len(w) == 1)),
    "full covariances with correlation": answered(
        args(lambda X, w, m, c: any(np.count_nonzero(np.asarray(s) - np.diag(np.diag(s))) for s in c))
    ),
    "no points": answered(empty(0)),
    "weights not summing to one, refused": refused(args(lambda X, w, m, c: abs(sum(w) - 1.0) > 1e-8)),
    "a negative weight, refused": refused(args(lambda X, w, m, c: min(w) < 0)),
    "a covariance that is not positive definite, refused": refused(args(_not_positive_definite)),
    "a covariance that is not symmetric, refused": refused(args(_not_symmetric)),
    "shapes that disagree, refused": refused(args(lambda X, w, m, c: np.shape(X)[1] != np.shape(m)[1])),
}
