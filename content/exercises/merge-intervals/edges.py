"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _touching(intervals):
    ends = {e for _, e in intervals}
    return any(s in ends for s, _ in intervals)


EDGES: dict[str, Edge] = {
    "touching intervals": answered(args(_touching)),
    "nested intervals": answered(args(lambda iv: any(a[0] < b[0] and b[1] < a[1] for a in iv for b in iv))),
    "duplicates": answered(args(lambda iv: len({tuple(x) for x in iv}) < len(iv))),
    "empty input": answered(empty(0)),
    "start after end, refused": refused(args(lambda iv: any(s > e for s, e in iv))),
}
