"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from collections import Counter
from typing import Any

from mlinterview.exercises.edges import Edge, all_equal, answered, args, empty, flat, refused


def _half_rounds_up(y: Any, fraction: float, _seed: int) -> bool:
    return any((fraction * n) % 1 == 0.5 for n in Counter(flat(y)).values())


def _class_sends_none_to_test(y: Any, fraction: float, _seed: int) -> bool:
    return any(fraction * n < 0.5 for n in Counter(flat(y)).values())


EDGES: dict[str, Edge] = {
    "empty input": answered(empty(0)),
    "a single class": answered(all_equal(0)),
    "a half that rounds up": answered(args(_half_rounds_up)),
    "a class that sends nobody to test": answered(args(_class_sends_none_to_test)),
    "a fraction outside (0, 1), refused": refused(args(lambda y, f, s: not 0 < f < 1)),
    "a fraction of zero, refused": refused(args(lambda y, f, s: f == 0)),
    "a NaN fraction, refused": refused(args(lambda y, f, s: f != f)),
}
