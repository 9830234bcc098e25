"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from typing import Any

from mlinterview.exercises.edges import Edge, all_equal, answered, args, empty, refused


def _class_tie(y: Any, scores: Any) -> bool:
    positives = {s for label, s in zip(y, scores, strict=True) if label}
    negatives = {s for label, s in zip(y, scores, strict=True) if not label}
    return bool(positives & negatives)


EDGES: dict[str, Edge] = {
    "a score shared by a positive and a negative": answered(args(_class_tie)),
    "all scores tied": answered(all_equal(1)),
    "one class only, refused": refused(all_equal(0)),
    "empty input, refused": refused(empty(0)),
}
