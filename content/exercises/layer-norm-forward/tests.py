import torch

from mlinterview.exercises import Case

TOL = {"rtol": 1e-4, "atol": 1e-5}


def _random(seed, *shape):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def cases():
    affine = (_random(1, 6), _random(2, 6))
    return [
        Case.of(
            "one row, identity affine",
            torch.tensor([[1.0, 2.0, 3.0]]),
            torch.ones(3),
            torch.zeros(3),
            public=True,
            **TOL,
        ),
        Case.of("a batch with gamma and beta", _random(3, 4, 6), *affine, public=True, **TOL),
        Case.of(
            "a constant row",
            torch.tensor([[5.0, 5.0, 5.0, 5.0], [1.0, -1.0, 2.0, 0.5]]),
            torch.tensor([2.0, 2.0, 2.0, 2.0]),
            torch.tensor([0.5, -0.5, 1.0, 0.0]),
            **TOL,
        ),
        Case.of(
            "a variance small enough for eps to matter",
            torch.tensor([[0.0, 1e-3, 2e-3, 0.5e-3]]),
            torch.ones(4),
            torch.zeros(4),
            **TOL,
        ),
        Case.of(
            "values near ten thousand",
            10_000.0 + _random(4, 3, 64),
            torch.ones(64),
            torch.zeros(64),
            points=2,
            rtol=1e-3,
            atol=2e-3,
        ),
        Case.of("a single feature", _random(5, 5, 1), torch.tensor([3.0]), torch.tensor([0.25]), **TOL),
        Case.of("batch, time and features", _random(6, 2, 3, 6), *affine, 1e-3, **TOL),
        Case.of("a vector without a batch", _random(7, 6), *affine, **TOL),
        Case.of(
            "gamma of the wrong size, refused",
            _random(8, 2, 4),
            torch.ones(5),
            torch.zeros(4),
            raises="ValueError",
        ),
    ]
