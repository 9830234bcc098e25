import torch
import torch.nn.functional as F

from mlinterview.exercises import Case

TOL = {"rtol": 1e-5, "atol": 1e-6}


def _weight(seed, vocabulary, dim):
    return torch.randn(vocabulary, dim, generator=torch.Generator().manual_seed(seed))


def _by_torch(weight, tokens, lengths, padding_idx=None):
    """PyTorch's own EmbeddingBag over the bags written out flat with offsets."""
    bags = [row[: int(n)] for row, n in zip(tokens, lengths, strict=True)]
    flat = torch.cat(bags) if bags else torch.zeros(0, dtype=torch.int64)
    offsets = torch.tensor([0] + [len(b) for b in bags[:-1]], dtype=torch.int64).cumsum(0)
    return F.embedding_bag(flat, weight, offsets, mode="mean", padding_idx=padding_idx)


def _case(name, weight, tokens, lengths, *padding_idx, **options):
    tokens = torch.tensor(tokens, dtype=torch.int64)
    lengths = torch.tensor(lengths, dtype=torch.int64)
    expected = _by_torch(weight, tokens, lengths, *padding_idx)
    return Case.of(name, weight, tokens, lengths, *padding_idx, expected=expected, **TOL, **options)


def cases():
    table = torch.tensor([[0.0, 0.0], [1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    w = _weight(1, 10, 4)
    return [
        _case("two bags and a padding id", table, [[1, 2, 0], [3, 0, 0]], [3, 2], 0, public=True),
        _case("lengths without a padding id", w, [[4, 5, 6, 7], [8, 9, 1, 1]], [4, 2], public=True),
        _case(
            "a padding token inside a bag",
            w,
            [[3, 0, 5, 0, 0], [0, 7, 7, 2, 0]],
            [3, 5],
            0,
            points=2,
        ),
        _case("real ids after the length", w, [[2, 3, 4, 5], [6, 7, 8, 9]], [1, 3], 0, points=2),
        _case("an empty bag", w, [[1, 2, 3], [4, 5, 6], [7, 8, 9]], [2, 0, 3], 0),
        _case("a bag of padding only", w, [[9, 9, 9], [1, 2, 9]], [2, 3], 9),
        _case("a padding id that is not 0", w, [[5, 1, 5, 2], [5, 5, 3, 4]], [4, 4], 5),
        _case("a single bag of one token", w, [[6]], [1], None),
        _case("float64 embeddings", w.double(), [[1, 2, 3], [3, 2, 1]], [3, 1], 0),
        Case.of(
            "a token id past the table, refused",
            w,
            torch.tensor([[1, 10]]),
            torch.tensor([2]),
            0,
            raises="IndexError",
        ),
        Case.of(
            "a negative token id, refused",
            w,
            torch.tensor([[1, -1, 2]]),
            torch.tensor([3]),
            0,
            raises="IndexError",
        ),
        Case.of(
            "a negative length, refused",
            w,
            torch.tensor([[1, 2], [3, 4]]),
            torch.tensor([2, -1]),
            0,
            raises="ValueError",
        ),
        Case.of(
            "a length past the width, refused",
            w,
            torch.tensor([[1, 2]]),
            torch.tensor([3]),
            0,
            raises="ValueError",
        ),
    ]
