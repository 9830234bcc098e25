import math

import torch

from mlinterview.exercises import Case

TOL = {"rtol": 1e-6, "atol": 0.0}
FLOAT16_MAX = 65504.0


def _by_definition(grads, init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
    """The replay written element by element: a step overflows when some scaled value is not finite
    or rounds beyond float16's largest finite value (what the cast turns into inf)."""
    scale, good = float(init_scale), 0
    scales, updates = [], []
    for g in grads:
        scales.append(scale)
        products = (g.float() * scale).reshape(-1).tolist()
        rounded = torch.tensor(products, dtype=torch.float32).to(torch.float16).float().tolist()
        if any(not math.isfinite(p) or abs(r) > FLOAT16_MAX for p, r in zip(products, rounded, strict=True)):
            updates.append(None)
            scale, good = scale * backoff_factor, 0
            continue
        updates.append(torch.tensor(rounded, dtype=torch.float32).reshape(g.shape) / scale)
        good += 1
        if good == growth_interval:
            scale, good = scale * growth_factor, 0
    return scales, updates


def _random(seed, *shape, scale=1.0):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)) * scale


def _case(name, grads, *settings, **options):
    return Case.of(name, grads, *settings, expected=_by_definition(grads, *settings), **TOL, **options)


def cases():
    small = [_random(i, 3, 2, scale=1e-3) for i in range(6)]
    return [
        _case(
            "the example",
            [torch.tensor([1.0]), torch.tensor([0.5]), torch.tensor([0.25])],
            65536.0,
            2.0,
            0.5,
            1,
            public=True,
        ),
        _case("small gradients, growth every two steps", small[:4], 1024.0, 2.0, 0.5, 2, public=True),
        _case(
            "an overflow in the middle of a streak",
            [small[0], small[1], _random(9, 4, scale=50.0), small[2], small[3], small[4]],
            4096.0,
            2.0,
            0.5,
            3,
            points=2,
        ),
        _case(
            "an overflow only float16 sees",
            [torch.tensor([0.5, 1.5]), torch.tensor([0.25, -0.75]), torch.tensor([1.0, 0.0])],
            65536.0,
            2.0,
            0.5,
            2000,
            points=2,
        ),
        _case("a growth step", [small[0], small[1], small[2]], 256.0, 2.0, 0.5, 2),
        _case(
            "a nan and an inf in the true gradients",
            [small[0], torch.tensor([float("nan"), 1.0]), small[1][0, :2], torch.tensor([float("inf"), 0.0])],
            8.0,
            2.0,
            0.25,
            1,
        ),
        _case("several overflows in a row", [torch.full((2,), 30.0)] * 4, 2.0**20, 2.0, 0.5, 2),
        _case(
            "values just past float16's largest finite value",
            [torch.tensor([65510.0, 1.0]), torch.tensor([65530.0, 1.0])],
            1.0,
            2.0,
            0.5,
            2000,
        ),
        _case("default settings", small[:3]),
        _case("no steps", []),
        Case.of("a growth factor of 1, refused", small[:1], 1024.0, 1.0, 0.5, 2, raises="ValueError"),
        Case.of("a backoff factor of 1, refused", small[:1], 1024.0, 2.0, 1.0, 2, raises="ValueError"),
        Case.of("a growth interval of 0, refused", small[:1], 1024.0, 2.0, 0.5, 0, raises="ValueError"),
        Case.of("an initial scale of 0, refused", small[:1], 0.0, 2.0, 0.5, 2, raises="ValueError"),
    ]
