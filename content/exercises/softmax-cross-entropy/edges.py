"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EXP_OVERFLOWS = 709.8  # math.exp of anything larger overflows a float


EDGES: dict[str, Edge] = {
    "logits where exp overflows": answered(
        args(lambda logits, labels: np.abs(np.asarray(logits)).max() > EXP_OVERFLOWS)
    ),
    "a single class": answered(args(lambda logits, labels: np.asarray(logits).shape[1] == 1)),
    "no rows, refused": refused(empty(0)),
    "a label out of range, refused": refused(
        args(lambda logits, labels: any(not 0 <= v < np.asarray(logits).shape[1] for v in labels))
    ),
}
