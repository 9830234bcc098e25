"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, all_equal, answered, args, refused

EDGES: dict[str, Edge] = {
    "empty without labels": args(lambda t, p, *labels: len(t) == 0 and not labels),
    "empty with labels": args(lambda t, p, *labels: len(t) == 0 and bool(labels)),
    "a single class": answered(all_equal(0)),
    "given labels drop other values": args(
        lambda t, p, *labels: bool(labels) and bool((set(t) | set(p)) - set(labels[0]))
    ),
    "lengths differ, refused": refused(args(lambda t, p, *labels: len(t) != len(p))),
}
