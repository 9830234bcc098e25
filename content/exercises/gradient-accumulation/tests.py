import torch
import torch.nn.functional as F

from mlinterview.exercises import Case

# A generous time per test: the first torch.optim optimizer a process builds imports
# torch._dynamo, which takes seconds on a busy machine.
TOL = {"rtol": 1e-5, "atol": 1e-6, "seconds": 10}


def _random(seed, *shape):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _labels(seed, n):
    return (torch.rand(n, generator=torch.Generator().manual_seed(seed)) < 0.5).float()


def _whole_batch_step(w, b, micro_batches, lr):
    """The step on all rows at once: the value accumulation must reproduce."""
    X = torch.cat([X for X, _ in micro_batches])
    y = torch.cat([y for _, y in micro_batches])
    w = w.clone().requires_grad_(True)
    b = b.clone().requires_grad_(True)
    loss = F.binary_cross_entropy_with_logits(X @ w + b, y)
    loss.backward()
    return (w - lr * w.grad).detach(), (b - lr * b.grad).detach(), loss.item()


def _case(name, w, b, sizes, lr, seed, **options):
    d = len(w)
    micro_batches = [(_random(seed + i, n, d), _labels(seed + 50 + i, n)) for i, n in enumerate(sizes)]
    expected = _whole_batch_step(w, b, micro_batches, lr)
    return Case.of(name, w, b, micro_batches, lr, expected=expected, **TOL, **options)


def cases():
    example = [
        (torch.tensor([[1.0]]), torch.tensor([1.0])),
        (torch.tensor([[2.0], [0.0]]), torch.tensor([0.0, 1.0])),
    ]
    return [
        Case.of(
            "two micro-batches of one and two rows",
            torch.tensor([0.0]),
            torch.tensor(0.0),
            example,
            1.0,
            expected=_whole_batch_step(torch.tensor([0.0]), torch.tensor(0.0), example, 1.0),
            public=True,
            **TOL,
        ),
        _case("three equal micro-batches", _random(1, 3), torch.tensor(0.2), [4, 4, 4], 0.5, 10, public=True),
        _case("a short last micro-batch", _random(2, 4), torch.tensor(-0.3), [8, 8, 3], 0.5, 20, points=2),
        _case("sizes all different", _random(3, 2), torch.tensor(0.0), [1, 6, 2, 5], 1.0, 30, points=2),
        _case("an empty micro-batch", _random(4, 3), torch.tensor(0.5), [3, 0, 5], 0.3, 40),
        _case("a single micro-batch", _random(5, 3), torch.tensor(0.1), [7], 0.2, 60),
        _case("micro-batches of one row", _random(6, 2), torch.tensor(-1.0), [1, 1, 1, 1, 1], 0.4, 70),
        Case.of(
            "no rows at all, refused",
            torch.zeros(2),
            torch.tensor(0.0),
            [(torch.zeros(0, 2), torch.zeros(0))],
            0.1,
            raises="ValueError",
            seconds=10,
        ),
    ]
