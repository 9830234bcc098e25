"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "evaluation mode": answered(args(lambda x, mask, p, up, training: not training)),
    "p of zero in training": answered(args(lambda x, mask, p, up, training: training and p == 0)),
    "every unit dropped": answered(
        args(lambda x, mask, p, up, training: training and np.size(mask) > 0 and not np.any(mask))
    ),
    "no elements": answered(empty(0)),
    "p outside [0, 1), refused": refused(args(lambda x, mask, p, up, training: not 0 <= p < 1)),
    "a mask of another shape, refused": refused(
        args(lambda x, mask, p, up, training: np.shape(mask) != np.shape(x))
    ),
}
