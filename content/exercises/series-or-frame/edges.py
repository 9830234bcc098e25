"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused

EDGES: dict[str, Edge] = {
    "a name given as a string": answered(args(lambda df, columns: isinstance(columns, str))),
    "an empty list": answered(args(lambda df, columns: columns == [])),
    "a frame with no rows": answered(args(lambda df, columns: len(df) == 0)),
    "a missing name, refused": refused(args(lambda df, columns: True), "KeyError"),
}
