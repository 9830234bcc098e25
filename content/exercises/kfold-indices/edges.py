"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "leave one out (k = n)": answered(args(lambda n, k: n == k)),
    "a remainder to spread": answered(args(lambda n, k: n % k != 0)),
    "k below two, refused": refused(args(lambda n, k: k < 2)),
    "more folds than samples, refused": refused(args(lambda n, k: k > n)),
}
