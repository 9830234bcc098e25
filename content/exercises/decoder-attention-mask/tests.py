import torch

from mlinterview.exercises import Case


def _by_definition(lengths, max_len, window=None):
    """Entry by entry from the three rules, in plain Python."""
    rows = [
        [
            [j <= i and i < n and j < n and (window is None or i - j < window) for j in range(max_len)]
            for i in range(max_len)
        ]
        for n in lengths.tolist()
    ]
    return torch.tensor(rows, dtype=torch.bool).reshape(len(lengths), max_len, max_len)


def _case(name, lengths, max_len, *window, **options):
    lengths = torch.tensor(lengths, dtype=torch.int64)
    return Case.of(
        name, lengths, max_len, *window, expected=_by_definition(lengths, max_len, *window), **options
    )


def cases():
    return [
        _case("lengths 3 and 2", [3, 2], 3, public=True),
        _case("a window of 2", [4], 4, 2, public=True),
        _case("padding queries", [5, 2, 4], 5, points=2),
        _case("a window with padding", [6, 3], 6, 3, points=2),
        _case("a window of 1", [3, 3], 3, 1),
        _case("a window longer than the sequence", [4, 1], 4, 10),
        _case("a sequence of length 0", [0, 2], 3),
        _case("no positions", [0, 0], 0),
        Case.of("a length past max_len, refused", torch.tensor([4]), 3, raises="ValueError"),
        Case.of("a negative length, refused", torch.tensor([2, -1]), 3, raises="ValueError"),
        Case.of("a window of 0, refused", torch.tensor([2]), 2, 0, raises="ValueError"),
    ]
