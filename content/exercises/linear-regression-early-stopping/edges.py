"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import numpy as np

from mlinterview.exercises.edges import Edge, answered, args, empty, one_row, refused

EDGES: dict[str, Edge] = {
    "the weights never move (a flat validation error)": answered(
        args(lambda X, y, *rest: len(y) > 0 and not np.any(np.asarray(y)))
    ),
    "a patience of one": answered(args(lambda *a: a[6] == 1 and a[5] > 1)),
    "max_epochs of zero": answered(args(lambda *a: a[5] == 0)),
    "a single training row": answered(one_row(0)),
    "no training rows, refused": refused(empty(0)),
    "no validation rows, refused": refused(empty(2)),
    "targets and rows differ, refused": refused(args(lambda X, y, *rest: len(X) != len(y))),
    "columns differ, refused": refused(args(lambda X, y, V, *rest: np.shape(X)[1:] != np.shape(V)[1:])),
    "a patience below one, refused": refused(args(lambda *a: a[6] < 1)),
}
