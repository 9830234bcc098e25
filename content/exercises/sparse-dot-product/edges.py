"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _repeated_index(ai, av, bi, bv):
    return len(set(ai)) < len(ai) or len(set(bi)) < len(bi)


EDGES: dict[str, Edge] = {
    "a repeated index": answered(args(_repeated_index)),
    "unsorted indices": answered(args(lambda ai, av, bi, bv: ai != sorted(ai) or bi != sorted(bi))),
    "empty vectors": answered(empty(0)),
    "lengths differ, refused": refused(args(lambda ai, av, bi, bv: len(ai) != len(av) or len(bi) != len(bv))),
}
