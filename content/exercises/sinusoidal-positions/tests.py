import math

import torch

from mlinterview.exercises import Case

TOL = {"rtol": 0.0, "atol": 1e-5}


def _by_formula(length, d_model, base=10000.0):
    """The table entry by entry from the definition, in plain Python floats."""
    rows = []
    for pos in range(length):
        row = []
        for column in range(d_model):
            angle = pos / base ** (2 * (column // 2) / d_model)
            row.append(math.sin(angle) if column % 2 == 0 else math.cos(angle))
        rows.append(row)
    return torch.tensor(rows, dtype=torch.float32).reshape(length, d_model)


def _case(name, length, d_model, *base, **options):
    expected = _by_formula(length, d_model, *base)
    return Case.of(name, length, d_model, *base, expected=expected, **TOL, **options)


def cases():
    return [
        _case("two positions, width four", 2, 4, public=True),
        _case("eight positions, width six", 8, 6, public=True),
        _case("an odd width", 5, 7, points=2),
        _case("a width of one", 3, 1),
        _case("no positions", 0, 4),
        _case("a small base", 6, 8, 100.0),
        _case("a long sequence", 50, 16, points=2),
        Case.of("a negative length, refused", -1, 4, raises="ValueError"),
        Case.of("a width of zero, refused", 3, 0, raises="ValueError"),
    ]
