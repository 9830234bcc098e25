"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from mlinterview.exercises.edges import Edge, answered, args, refused


def _token_everywhere(docs) -> bool:
    return len(docs) > 1 and all(docs) and bool(set.intersection(*(set(d) for d in docs)))


EDGES: dict[str, Edge] = {
    "a token in every document": answered(args(_token_everywhere)),
    "an empty document among others": answered(args(lambda docs: any(docs) and not all(docs))),
    "every document empty": answered(args(lambda docs: len(docs) > 0 and not any(docs))),
    "no documents": answered(args(lambda docs: len(docs) == 0)),
    "a repeated token": answered(args(lambda docs: any(len(set(d)) < len(d) for d in docs))),
    "a document given as a string, refused": refused(
        args(lambda docs: any(isinstance(d, str) for d in docs))
    ),
}
