import torch

from mlinterview.exercises import Case


def _random(seed, *shape):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _by_loop(outputs, lengths, batch_first=True):
    """One row at a time, from the layout's own indices."""
    rows = []
    for b, n in enumerate(lengths.tolist()):
        rows.append(outputs[b, n - 1] if batch_first else outputs[n - 1, b])
    return torch.stack(rows)


def _case(name, outputs, lengths, *batch_first, **options):
    lengths = torch.tensor(lengths, dtype=torch.int64)
    return Case.of(
        name, outputs, lengths, *batch_first, expected=_by_loop(outputs, lengths, *batch_first), **options
    )


def cases():
    example = torch.tensor([[[1.0], [2.0], [3.0]], [[4.0], [5.0], [6.0]]])
    return [
        _case("two sequences, one feature", example, [2, 3], public=True),
        _case("batch first, three features", _random(1, 3, 4, 3), [4, 1, 2], public=True),
        _case("time first", _random(2, 5, 3, 4), [5, 2, 3], False, points=2),
        _case("time first with as many steps as sequences", _random(3, 3, 3, 2), [1, 3, 2], False, points=2),
        _case("every sequence full", _random(4, 2, 3, 5), [3, 3]),
        _case("length one everywhere", _random(5, 3, 4, 2), [1, 1, 1]),
        _case("a single sequence", _random(6, 1, 6, 3), [4]),
        _case("float64 outputs", _random(7, 2, 3, 2).double(), [1, 3]),
        Case.of("an empty sequence, refused", _random(8, 2, 3, 2), torch.tensor([0, 2]), raises="ValueError"),
        Case.of("a length past T, refused", _random(9, 2, 3, 2), torch.tensor([4, 2]), raises="ValueError"),
    ]
