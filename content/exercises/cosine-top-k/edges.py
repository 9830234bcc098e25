"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _zero_rows(array) -> bool:
    array = np.asarray(array, dtype=float)
    return bool(len(array)) and bool(np.any(~array.any(axis=1)))


def _duplicate_items(queries, items, k) -> bool:
    items = np.asarray(items, dtype=float)
    nonzero = items[items.any(axis=1)] if len(items) else items
    return len(np.unique(nonzero, axis=0)) < len(nonzero)


EDGES: dict[str, Edge] = {
    "a zero query": answered(args(lambda q, v, k: _zero_rows(q))),
    "a zero item": answered(args(lambda q, v, k: _zero_rows(v))),
    "duplicated items (exact ties)": answered(args(_duplicate_items)),
    "k larger than the number of items": answered(args(lambda q, v, k: k > len(v) > 0)),
    "no items": answered(empty(1)),
    "no queries": answered(empty(0)),
    "k below one, refused": refused(args(lambda q, v, k: k < 1)),
    "columns differ, refused": refused(args(lambda q, v, k: np.shape(q)[1] != np.shape(v)[1])),
}
