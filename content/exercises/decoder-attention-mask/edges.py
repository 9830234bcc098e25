"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "padding positions": answered(args(lambda n, T, *w: bool((n < T).any()) and bool((n > 1).any()))),
    "a window that cuts the past": answered(
        args(lambda n, T, *w: bool(w) and w[0] is not None and 1 < w[0] < T)
    ),
    "a window of 1": answered(args(lambda n, T, *w: bool(w) and w[0] == 1)),
    "a window longer than the sequence": answered(
        args(lambda n, T, *w: bool(w) and w[0] is not None and w[0] >= T)
    ),
    "a sequence of length 0": answered(args(lambda n, T, *w: T > 0 and bool((n == 0).any()))),
    "max_len of 0": answered(args(lambda n, T, *w: T == 0)),
    "a length past max_len, refused": refused(args(lambda n, T, *w: bool((n > T).any()))),
    "a negative length, refused": refused(args(lambda n, T, *w: bool((n < 0).any()))),
    "a window below 1, refused": refused(args(lambda n, T, *w: bool(w) and w[0] is not None and w[0] < 1)),
}
