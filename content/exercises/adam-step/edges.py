"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "a zero gradient": answered(args(lambda p, g, m, v, *rest: np.size(g) > 0 and not np.any(g))),
    "a step after the first": answered(args(lambda p, g, m, v, t, *rest: t > 1)),
    "no parameters": answered(empty(0)),
    "a step below one, refused": refused(args(lambda p, g, m, v, t, *rest: t < 1)),
    "shapes differ, refused": refused(
        args(lambda p, g, m, v, *rest: not np.shape(p) == np.shape(g) == np.shape(m) == np.shape(v))
    ),
}
