"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, empty, refused

EDGES: dict[str, Edge] = {
    "capacity zero": answered(args(lambda c, ops: c == 0)),
    "an update of a present key": answered(
        args(
            lambda c, ops: any(
                o[0] == "put" and ["put", o[1]] in [p[:2] for p in ops[:i]] for i, o in enumerate(ops)
            )
        )
    ),
    "a get of a missing key": answered(args(lambda c, ops: bool(ops) and ops[0][0] == "get")),
    "no operations": answered(empty(1)),
    "negative capacity, refused": refused(args(lambda c, ops: c < 0)),
}
