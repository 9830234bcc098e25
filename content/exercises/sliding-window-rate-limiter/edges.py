"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from itertools import pairwise

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "a request exactly one window later": answered(
        args(lambda ts, limit, w: any(b - a == w for i, a in enumerate(ts) for b in ts[i + 1 : i + 50]))
    ),
    "several requests at one time": answered(args(lambda ts, limit, w: len(set(ts)) < len(ts))),
    "no requests": answered(empty(0)),
    "a limit below one, refused": refused(args(lambda ts, limit, w: limit < 1)),
    "a window of zero or less, refused": refused(args(lambda ts, limit, w: w <= 0)),
    "time going backwards, refused": refused(args(lambda ts, limit, w: any(b < a for a, b in pairwise(ts)))),
}
