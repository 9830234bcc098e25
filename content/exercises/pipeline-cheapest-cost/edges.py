"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _unreachable_against_direction(edges, source) -> bool:
    # Some artefact is joined to a reachable one only by a step that points the wrong way.
    reachable, frontier = {source}, [source]
    while frontier:
        node = frontier.pop()
        for u, v, _cost in edges:
            if u == node and v not in reachable:
                reachable.add(v)
                frontier.append(v)
    return any(v in reachable and u not in reachable for u, v, _cost in edges)


EDGES: dict[str, Edge] = {
    "parallel steps": answered(args(lambda e, s: len({(u, v) for u, v, _ in e}) < len(e))),
    "a self-loop": answered(args(lambda e, s: any(u == v for u, v, _ in e))),
    "a zero-cost step": answered(args(lambda e, s: any(c == 0 for _, _, c in e))),
    "an artefact reachable only against a step's direction": answered(args(_unreachable_against_direction)),
    "a source no step touches": answered(
        args(lambda e, s: bool(e) and all(s not in (u, v) for u, v, _ in e))
    ),
    "no steps": answered(empty(0)),
    "a negative cost, refused": refused(args(lambda e, s: any(c < 0 for _, _, c in e))),
}
