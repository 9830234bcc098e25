import torch
from torch.nn.utils.rnn import pack_padded_sequence

from mlinterview.exercises import Case


def _seq(*ids):
    return torch.tensor(ids, dtype=torch.int64)


def _by_definition(batch, pad_value=0):
    """The expected dict from plain Python: sorted() is stable, so sorting by -length keeps ties in
    the batch's order."""
    order = sorted(range(len(batch)), key=lambda i: -len(batch[i][0]))
    restore = [order.index(i) for i in range(len(batch))]
    width = max(len(t) for t, _ in batch)
    rows = [batch[i][0].tolist() + [pad_value] * (width - len(batch[i][0])) for i in order]
    expected = {
        "tokens": torch.tensor(rows, dtype=torch.int64).reshape(len(batch), width),
        "lengths": torch.tensor([len(batch[i][0]) for i in order], dtype=torch.int64),
        "labels": torch.tensor([batch[i][1] for i in order], dtype=torch.int64),
        "order": torch.tensor(order, dtype=torch.int64),
        "restore": torch.tensor(restore, dtype=torch.int64),
    }
    if width and all(len(t) for t, _ in batch):  # what the dict is for: packing accepts it
        pack_padded_sequence(expected["tokens"], expected["lengths"], batch_first=True, enforce_sorted=True)
    return expected


def _case(name, batch, *pad_value, **options):
    return Case.of(name, batch, *pad_value, expected=_by_definition(batch, *pad_value), **options)


def cases():
    return [
        _case(
            "lengths 2, 3, 1, 3",
            [(_seq(5, 6), 0), (_seq(7, 8, 9), 1), (_seq(4), 2), (_seq(1, 2, 3), 3)],
            public=True,
        ),
        _case("already sorted", [(_seq(1, 2, 3), 1), (_seq(4, 5), 0)], -1, public=True),
        _case(
            "three of one length",
            [(_seq(1, 1), 0), (_seq(2, 2), 1), (_seq(3, 3, 3), 2), (_seq(4, 4), 3)],
            points=2,
        ),
        _case(
            "a permutation that is not its own inverse",
            [(_seq(1), 0), (_seq(2, 2, 2), 1), (_seq(3, 3), 2)],
            points=2,
        ),
        _case("an empty sequence", [(_seq(), 4), (_seq(9, 8), 5), (_seq(7), 6)], 99),
        _case("every sequence empty", [(_seq(), 1), (_seq(), 0)]),
        _case("a single example", [(_seq(3, 1, 4), 2)]),
        _case("all of one length", [(_seq(1, 2), 2), (_seq(3, 4), 0), (_seq(5, 6), 1)]),
        Case.of("no examples, refused", [], raises="ValueError"),
    ]
