import torch

from mlinterview.exercises import Case

TOL = {"rtol": 1e-5, "atol": 1e-7}


def _random(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def cases():
    return [
        Case.of("one vector and a None", [torch.tensor([3.0, 4.0]), None], 1.0, public=True, **TOL),
        Case.of(
            "already small enough",
            [torch.tensor([[0.1, -0.2], [0.05, 0.0]]), torch.tensor([0.3])],
            1.0,
            public=True,
            **TOL,
        ),
        Case.of(
            "a layer's weight and bias, clipped together",
            [_random(1, 4, 3, scale=2.0), _random(2, 3, scale=0.1), None, _random(3, 2, 2, 2)],
            1.5,
            points=2,
            **TOL,
        ),
        Case.of(
            "one large tensor beside small ones",
            [torch.tensor([0.5, 0.5]), torch.tensor([[30.0, -40.0]]), torch.tensor(0.25)],
            5.0,
            **TOL,
        ),
        Case.of("small gradients stay as they are", [_random(4, 5, scale=0.01)], 2.0, **TOL),
        Case.of("all gradients zero", [torch.zeros(3), torch.zeros(2, 2)], 0.5, **TOL),
        Case.of("only None", [None, None], 1.0, **TOL),
        Case.of("no gradients", [], 1.0, **TOL),
        Case.of("a max_norm of zero, refused", [torch.ones(2)], 0.0, raises="ValueError"),
    ]
