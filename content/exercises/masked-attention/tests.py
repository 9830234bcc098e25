import torch

from mlinterview.exercises import Case

TOL = {"rtol": 1e-5, "atol": 1e-6}


def _random(seed, *shape, scale=1.0):
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=generator) * scale


def cases():
    q2, k2, v2 = _random(1, 2, 3, 4), _random(2, 2, 5, 4), _random(3, 2, 5, 2)
    padding = torch.tensor([[True, True, True, False, False], [True, True, True, True, True]])
    causal = torch.ones(4, 4, dtype=torch.bool).tril()
    # Query 1 of the first batch sees no key at all.
    none_visible = torch.ones(2, 3, 5, dtype=torch.bool)
    none_visible[0, 1] = False
    return [
        Case.of(
            "one query, no mask",
            torch.tensor([[1.0, 0.0]]),
            torch.tensor([[1.0, 0.0], [0.0, 1.0]]),
            torch.tensor([[1.0, 2.0], [3.0, 4.0]]),
            None,
            public=True,
            **TOL,
        ),
        Case.of(
            "causal mask",
            _random(4, 4, 3),
            _random(5, 4, 3),
            _random(6, 4, 3),
            causal,
            public=True,
            **TOL,
        ),
        Case.of(
            "a key-padding mask broadcast over the queries",
            q2,
            k2,
            v2,
            padding[:, None, :],
            points=2,
            **TOL,
        ),
        Case.of("a query with every key masked", q2, k2, v2, none_visible, points=2, **TOL),
        Case.of(
            "heads and a causal mask broadcast over them",
            _random(7, 2, 3, 4, 8),
            _random(8, 2, 3, 4, 8),
            _random(9, 2, 3, 4, 5),
            causal,
            **TOL,
        ),
        Case.of(
            "large scores",
            _random(10, 3, 16, scale=100.0),
            _random(11, 6, 16, scale=100.0),
            _random(12, 6, 4),
            torch.tensor([True, False, True, True, False, True]),
            **TOL,
        ),
        Case.of(
            "more keys than queries, no mask",
            _random(13, 2, 8),
            _random(14, 7, 8),
            _random(15, 7, 3),
            None,
            **TOL,
        ),
    ]
