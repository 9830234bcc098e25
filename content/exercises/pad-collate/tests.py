import torch

from mlinterview.exercises import Case


def _seq(*ids):
    return torch.tensor(ids, dtype=torch.int64)


def cases():
    return [
        Case.of("two sequences", [(_seq(5, 6, 7), 1), (_seq(8), 0)], public=True),
        Case.of("a padding value of -1", [(_seq(3, 4), 2), (_seq(9, 9, 9, 9), 0)], -1, public=True),
        Case.of(
            "a shorter sequence first",
            [(_seq(1), 0), (_seq(2, 3, 4), 1), (_seq(5, 6), 2)],
            points=2,
        ),
        Case.of("real tokens equal to the padding value", [(_seq(0, 4, 0), 1), (_seq(7, 0), 0)], points=2),
        Case.of("an empty sequence", [(_seq(11, 12), 1), (_seq(), 0), (_seq(13), 1)], 99),
        Case.of("every sequence empty", [(_seq(), 1), (_seq(), 0)]),
        Case.of("a single example", [(_seq(4, 5, 6), 3)], 1),
        Case.of("equal lengths", [(_seq(1, 2), 0), (_seq(3, 4), 1), (_seq(5, 6), 0)]),
        Case.of("no examples, refused", [], raises="ValueError"),
    ]
