"""Builders for the edge cases an exercise promises, written as predicates over its test cases.

Each exercise folder has an ``edges.py`` with ``EDGES``: the name of every edge case its statement
promises (empty input, ties, NaN, a refused input ...) mapped to a predicate that says whether a
:class:`~mlinterview.exercises.model.Case` exercises it. The content check
(:func:`~mlinterview.exercises.selfcheck.check_exercise`) then asks that each one is the input of at
least one hidden test. The predicates run in the parent only, on trusted content.

The builders here cover the common shapes; an exercise writes its own for the rest::

    EDGES: dict[str, Edge] = {
        "no values, refused": refused(empty(0)),
        "a single example": answered(args(lambda X, y: len(X) == 1)),
    }
"""

from __future__ import annotations

import copy
import math
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from mlinterview.exercises.model import Case

Edge = Callable[["Case"], bool]


def _is_frame(value: Any) -> bool:
    # pandas is only imported by exercises that use it; a value cannot be a frame otherwise.
    pandas = sys.modules.get("pandas")
    return pandas is not None and isinstance(value, pandas.DataFrame)


def size(value: Any) -> int:
    """How many elements ``value`` holds: every cell of an array or a frame, else its length."""
    if isinstance(value, np.ndarray) or _is_frame(value):
        return int(value.size)
    return len(value)


def flat(value: Any) -> list[Any]:
    """Every element of ``value`` in one list (a frame column by column, an array or nested list
    in row-major order)."""
    if _is_frame(value):
        return [v for column in value.columns for v in value[column].tolist()]
    return list(np.asarray(value, dtype=object).ravel().tolist())


def empty(i: int) -> Edge:
    """The ``i``-th argument has no elements."""
    return lambda case: size(case.args[i]) == 0


def one_row(i: int) -> Edge:
    """The ``i``-th argument has exactly one row (or item)."""
    return lambda case: len(case.args[i]) == 1


def all_equal(i: int) -> Edge:
    """The ``i``-th argument has at least two rows and every element in it is the same."""
    return lambda case: len(case.args[i]) >= 2 and len({repr(v) for v in flat(case.args[i])}) == 1


def non_finite(i: int) -> Edge:
    """The ``i``-th argument holds a NaN or an infinity among its float elements."""
    return lambda case: any(isinstance(v, float) and not math.isfinite(v) for v in flat(case.args[i]))


def refused(condition: Edge, error: str = "ValueError") -> Edge:
    """A case that must raise ``error`` (the exception class name) and meets ``condition``."""
    return lambda case: case.raises == error and condition(case)


def answered(condition: Edge) -> Edge:
    """A case that must return a value (not raise) and meets ``condition``."""
    return lambda case: case.raises is None and condition(case)


def args(condition: Callable[..., Any]) -> Edge:
    """``condition`` called with the case's arguments spread out (copies, so it cannot change
    them)."""
    return lambda case: bool(condition(*copy.deepcopy(case.args)))
