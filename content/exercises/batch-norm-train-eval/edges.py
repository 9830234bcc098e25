"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "evaluation mode": answered(args(lambda x, g, b, rm, rv, training, *rest: not training)),
    "a constant feature in training": answered(
        args(lambda x, g, b, rm, rv, training, *rest: training and bool(np.any(np.ptp(x, axis=0) == 0)))
    ),
    "an empty batch in evaluation": answered(
        args(lambda x, g, b, rm, rv, training, *rest: not training and len(x) == 0)
    ),
    "a single sample in training, refused": refused(
        args(lambda x, g, b, rm, rv, training, *rest: training and len(x) == 1)
    ),
    "a vector of another length, refused": refused(
        args(lambda x, g, b, rm, rv, *rest: any(len(a) != np.shape(x)[1] for a in (g, b, rm, rv)))
    ),
}
