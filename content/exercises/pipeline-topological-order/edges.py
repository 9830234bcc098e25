"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "steps without dependencies": answered(
        args(lambda steps, deps: any(s not in {x for d in deps for x in d} for s in steps))
    ),
    "repeated dependencies": answered(args(lambda steps, deps: len({tuple(d) for d in deps}) < len(deps))),
    "no steps": answered(empty(0)),
    "a cycle, refused": refused(
        args(lambda steps, deps: any(tuple(d)[::-1] in {tuple(x) for x in deps} for d in deps))
    ),
    "a self-dependency, refused": refused(args(lambda steps, deps: any(a == b for a, b in deps))),
    "an unknown step, refused": refused(
        args(lambda steps, deps: any(x not in steps for d in deps for x in d))
    ),
}
