"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from collections import Counter

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _mixed_singleton(embeddings, labels, margin) -> bool:
    counts = Counter(np.asarray(labels).tolist())
    return 1 in counts.values() and any(c > 1 for c in counts.values())


EDGES: dict[str, Edge] = {
    "an anchor without a positive among kept anchors": answered(args(_mixed_singleton)),
    "identical embeddings (distance 0)": answered(
        args(lambda X, y, m: len(X) > 1 and len(np.unique(np.asarray(X), axis=0)) == 1)
    ),
    "margin of zero": answered(args(lambda X, y, m: m == 0 and len(X) > 0)),
    "every label the same": answered(args(lambda X, y, m: len(set(np.asarray(y).tolist())) == 1)),
    "every class a singleton": answered(
        args(lambda X, y, m: len(y) > 1 and len(set(np.asarray(y).tolist())) == len(y))
    ),
    "an empty batch": answered(empty(0)),
    "a negative margin, refused": refused(args(lambda X, y, m: m < 0)),
    "labels and rows differ, refused": refused(args(lambda X, y, m: len(X) != len(y))),
}
