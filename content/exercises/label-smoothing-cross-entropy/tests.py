import torch
import torch.nn.functional as F

from mlinterview.exercises import Case

TOL = {"rtol": 1e-5, "atol": 1e-7}


def _random(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def _case(name, logits, target, smoothing=0.0, ignore_index=-100, **options):
    target = torch.tensor(target, dtype=torch.int64)
    # PyTorch's own loss is the expected value.
    expected = F.cross_entropy(logits, target, ignore_index=ignore_index, label_smoothing=smoothing)
    return Case.of(name, logits, target, smoothing, ignore_index, expected=expected, **TOL, **options)


def cases():
    return [
        _case("two rows, smoothing 0.2", torch.tensor([[2.0, 0.0], [0.0, 0.0]]), [0, 1], 0.2, public=True),
        _case("no smoothing", _random(1, 4, 3), [2, 0, 1, 1], public=True),
        _case("smoothing over five classes", _random(2, 6, 5, scale=2.0), [0, 4, 2, 2, 1, 3], 0.1, points=2),
        _case("ignored rows", _random(3, 5, 4), [1, -100, 3, -100, 0], 0.1, points=2),
        _case("an ignore_index of 0", _random(4, 4, 3), [0, 2, 0, 1], 0.3, 0),
        _case(
            "logits of magnitude 1000",
            torch.tensor([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 500.0]]),
            [1, 1],
            0.1,
        ),
        _case("no smoothing, a row ignored", _random(9, 4, 3), [1, 0, -100, 2]),
        _case("full smoothing", _random(5, 3, 4), [3, 1, 0], 1.0),
        _case("a single row", torch.tensor([[0.5, -0.5, 1.5]]), [2], 0.25),
        _case("float64 logits", _random(6, 3, 3).double(), [0, 1, 2], 0.05),
        Case.of(
            "every target ignored, refused",
            _random(7, 2, 3),
            torch.tensor([-100, -100]),
            0.1,
            -100,
            raises="ValueError",
        ),
        Case.of(
            "smoothing above 1, refused",
            _random(10, 2, 3),
            torch.tensor([0, 1]),
            1.5,
            -100,
            raises="ValueError",
        ),
        Case.of(
            "negative smoothing, refused",
            _random(8, 2, 3),
            torch.tensor([0, 1]),
            -0.1,
            -100,
            raises="ValueError",
        ),
    ]
