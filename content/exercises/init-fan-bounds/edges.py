"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import math

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "a convolution with a kernel larger than 1": answered(
        args(lambda shape: len(shape) >= 3 and math.prod(shape[2:]) > 1)
    ),
    "a Linear weight with out != in": answered(args(lambda shape: len(shape) == 2 and shape[0] != shape[1])),
    "a non-square kernel": answered(args(lambda shape: len(set(shape[2:])) > 1)),
    "a 1x1 convolution": answered(args(lambda shape: len(shape) >= 3 and math.prod(shape[2:]) == 1)),
    "a 1-D or 3-D convolution": answered(args(lambda shape: len(shape) in (3, 5))),
    "fewer than two dimensions, refused": refused(args(lambda shape: len(shape) < 2)),
    "a dimension below 1, refused": refused(args(lambda shape: any(s < 1 for s in shape))),
}
