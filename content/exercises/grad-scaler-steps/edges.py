"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import math

import torch

from mlinterview.exercises.edges import Edge, answered, args, refused


def _settings(grads, init_scale=65536.0, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
    return grads, init_scale, growth_factor, backoff_factor, growth_interval


def _replay(*a):
    """Per step: (scale used, overflowed in float16, overflowed in float32 already, grew after it)."""
    grads, scale, growth, backoff, interval = _settings(*a)
    good, steps = 0, []
    for g in grads:
        in32 = not bool(torch.isfinite(g.float() * scale).all())
        in16 = not bool(torch.isfinite((g.float() * scale).to(torch.float16)).all())
        grew = False
        if in16:
            scale, good = scale * backoff, 0
        else:
            good += 1
            if good == interval:
                scale, good, grew = scale * growth, 0, True
        steps.append((in16, in32, grew))
    return steps


def _overflow_after_good_steps(*a):
    steps = _replay(*a)
    return any(s[0] and i > 0 and not steps[i - 1][0] for i, s in enumerate(steps)) and any(
        s[2] for s in steps
    )


EDGES: dict[str, Edge] = {
    "an overflow after good steps, then growth": answered(args(_overflow_after_good_steps)),
    "an overflow that float32 does not see": answered(
        args(lambda *a: any(s[0] and not s[1] for s in _replay(*a)))
    ),
    "a growth step": answered(args(lambda *a: any(s[2] for s in _replay(*a)))),
    "nan or inf in a true gradient": answered(
        args(lambda *a: any(not math.isfinite(v) for g in _settings(*a)[0] for v in g.reshape(-1).tolist()))
    ),
    "several overflows in a row": answered(
        args(lambda *a: any(x[0] and y[0] for x, y in zip(_replay(*a), _replay(*a)[1:], strict=False)))
    ),
    "no steps": answered(args(lambda *a: len(_settings(*a)[0]) == 0)),
    "a growth factor of 1 or less, refused": refused(args(lambda *a: _settings(*a)[2] <= 1)),
    "a backoff factor outside (0, 1), refused": refused(args(lambda *a: not 0 < _settings(*a)[3] < 1)),
    "a growth interval below 1, refused": refused(args(lambda *a: _settings(*a)[4] < 1)),
    "an initial scale not positive, refused": refused(args(lambda *a: _settings(*a)[1] <= 0)),
}
