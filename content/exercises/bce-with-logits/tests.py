import torch

from mlinterview.exercises import Case

TOL = {"rtol": 1e-5, "atol": 1e-7}


def _random(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def cases():
    labels = (torch.rand(4, 5, generator=torch.Generator().manual_seed(2)) > 0.5).float()
    return [
        Case.of("two logits", torch.tensor([0.0, 2.0]), torch.tensor([1.0, 0.0]), public=True, **TOL),
        Case.of("a batch of twenty", _random(1, 4, 5, scale=3.0), labels, public=True, **TOL),
        Case.of(
            "logits of plus and minus a thousand",
            torch.tensor([1000.0, -1000.0, 1000.0, -1000.0]),
            torch.tensor([1.0, 0.0, 0.0, 1.0]),
            points=2,
            **TOL,
        ),
        Case.of(
            "confident and right",
            torch.tensor([[30.0, -30.0], [50.0, -50.0]]),
            torch.tensor([[1.0, 0.0], [1.0, 0.0]]),
            **TOL,
        ),
        Case.of(
            "soft targets",
            torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0]),
            torch.tensor([0.3, 0.5, 0.9, 0.1, 0.7]),
            **TOL,
        ),
        Case.of("a single element", torch.tensor([[-40.0]]), torch.tensor([[1.0]]), **TOL),
        Case.of("no elements, refused", torch.zeros(0), torch.zeros(0), raises="ValueError"),
        Case.of("shapes differ, refused", torch.zeros(3), torch.zeros(3, 1), raises="ValueError"),
    ]
