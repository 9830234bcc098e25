import torch

from mlinterview.exercises import Case

TOL = {"rtol": 1e-5, "atol": 1e-6}


def _random(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def cases():
    X = _random(1, 8, 3)
    W_true = torch.tensor([[1.0, -2.0], [0.5, 0.0], [-1.0, 3.0]])
    return [
        Case.of(
            "one feature, two examples",
            torch.tensor([[1.0]]),
            torch.tensor([0.0]),
            torch.tensor([[1.0], [2.0]]),
            torch.tensor([[2.0], [3.0]]),
            0.1,
            public=True,
            **TOL,
        ),
        Case.of(
            "three features, one output",
            _random(2, 3, 1),
            torch.tensor([0.5]),
            X,
            X @ torch.tensor([[1.0], [-1.0], [2.0]]) + 0.3,
            0.05,
            public=True,
            **TOL,
        ),
        Case.of(
            "two outputs",
            torch.zeros(3, 2),
            torch.zeros(2),
            X,
            X @ W_true + torch.tensor([1.0, -1.0]),
            0.1,
            points=2,
            **TOL,
        ),
        Case.of("a learning rate of zero", _random(3, 3, 2), _random(4, 2), X, _random(5, 8, 2), 0.0, **TOL),
        Case.of(
            "a single example",
            torch.tensor([[0.5], [-0.5]]),
            torch.tensor([0.1]),
            torch.tensor([[2.0, 1.0]]),
            torch.tensor([[3.0]]),
            0.2,
            **TOL,
        ),
        Case.of(
            "a perfect fit already",
            W_true,
            torch.tensor([1.0, -1.0]),
            X,
            X @ W_true + torch.tensor([1.0, -1.0]),
            0.5,
            **TOL,
        ),
        Case.of(
            "a larger batch",
            _random(6, 4, 3),
            _random(7, 3),
            _random(8, 64, 4),
            _random(9, 64, 3),
            0.01,
            **TOL,
        ),
    ]
