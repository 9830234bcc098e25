"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

from collections import Counter

from mlinterview.exercises.edges import Edge, answered, args, empty, refused


def _sums(rows, cols, values):
    cells: Counter = Counter()
    for r, c, v in zip(rows, cols, values, strict=True):
        cells[(r, c)] += v
    return cells


EDGES: dict[str, Edge] = {
    "a repeated cell": answered(args(lambda n, m, r, c, v: len(set(zip(r, c, strict=True))) < len(r))),
    "duplicates adding up to zero": answered(
        args(
            lambda n, m, r, c, v: any(
                total == 0 and sum(1 for x in zip(r, c, strict=True) if x == cell) > 1
                for cell, total in _sums(r, c, v).items()
            )
        )
    ),
    "a zero value": answered(args(lambda n, m, r, c, v: 0 in v)),
    "columns out of order within a row": answered(
        args(
            lambda n, m, r, c, v: any(
                r[i] == r[j] and c[i] > c[j] for i in range(len(r)) for j in range(i + 1, len(r))
            )
        )
    ),
    "an empty first or last row": answered(
        args(lambda n, m, r, c, v: n > 0 and bool(r) and (0 not in r or n - 1 not in r))
    ),
    "no entries": answered(empty(2)),
    "no rows": answered(args(lambda n, m, r, c, v: n == 0)),
    "lengths differ, refused": refused(args(lambda n, m, r, c, v: not len(r) == len(c) == len(v))),
    "an index outside the matrix, refused": refused(
        args(lambda n, m, r, c, v: any(not (0 <= a < n and 0 <= b < m) for a, b in zip(r, c, strict=False)))
    ),
    "a negative shape, refused": refused(args(lambda n, m, r, c, v: n < 0 or m < 0)),
}
