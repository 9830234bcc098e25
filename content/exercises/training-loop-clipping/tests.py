import torch

from mlinterview.exercises import Case

# A generous time per test: the first torch.optim optimizer a process builds imports
# torch._dynamo, which takes seconds on a busy machine.
TOL = {"rtol": 1e-4, "atol": 1e-5, "seconds": 10}


def _random(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def _params(seed, d, h, c, scale=1.0):
    return {
        "0.weight": _random(seed, h, d, scale=scale),
        "0.bias": _random(seed + 1, h, scale=scale),
        "2.weight": _random(seed + 2, c, h, scale=scale),
        "2.bias": _random(seed + 3, c, scale=scale),
    }


def _data(seed, n, d, c):
    X = _random(seed, n, d)
    y = torch.randint(0, c, (n,), generator=torch.Generator().manual_seed(seed + 1))
    return X, y


def cases():
    X, y = _data(100, 8, 3, 3)
    return [
        Case.of("one plain step", _params(1, 3, 4, 3), X, y, 1, 0.1, public=True, **TOL),
        Case.of(
            "three steps with momentum and clipping",
            _params(2, 3, 4, 3),
            X,
            y,
            3,
            0.1,
            0.9,
            0.0,
            0.5,
            public=True,
            **TOL,
        ),
        Case.of(
            "clipping binds, with weight decay",
            _params(3, 3, 5, 3, scale=2.0),
            X,
            y,
            4,
            0.05,
            0.9,
            0.01,
            1.0,
            points=2,
            **TOL,
        ),
        Case.of("several steps, no clipping", _params(4, 3, 4, 3), X, y, 5, 0.2, 0.5, **TOL),
        Case.of(
            "a max_norm that never binds",
            _params(5, 3, 4, 3, scale=0.1),
            X,
            y,
            3,
            0.1,
            0.0,
            0.0,
            100.0,
            **TOL,
        ),
        Case.of(
            "a single step with weight decay and clipping",
            _params(6, 3, 4, 3, scale=2.0),
            X,
            y,
            1,
            0.1,
            0.9,
            0.1,
            0.25,
            **TOL,
        ),
        Case.of("zero steps", _params(7, 3, 4, 3), X, y, 0, 0.1, 0.9, 0.0, 1.0, **TOL),
        Case.of(
            "two classes, larger batch",
            _params(8, 4, 6, 2, scale=1.5),
            *_data(200, 32, 4, 2),
            6,
            0.1,
            0.9,
            0.001,
            0.5,
            **TOL,
        ),
        Case.of(
            "negative steps, refused", _params(9, 3, 4, 3), X, y, -1, 0.1, raises="ValueError", seconds=10
        ),
        Case.of(
            "a max_norm of zero, refused",
            _params(10, 3, 4, 3),
            X,
            y,
            2,
            0.1,
            0.0,
            0.0,
            0.0,
            raises="ValueError",
            seconds=10,
        ),
    ]
