import math

import numpy as np
import torch

from mlinterview.exercises import Case
from mlinterview.exercises.codec import Tensor

MAX_LOSS = 0.05
KEYS = ("0.weight", "0.bias", "2.weight", "2.bias")
# Training takes a few hundred steps, and the first torch.optim optimizer a candidate builds
# imports torch._dynamo, which takes seconds on a busy machine.
SECONDS = 10


def _loss(args, got):
    """The judged network's mean cross-entropy on the training data, in float64 NumPy."""
    X, y = (np.asarray(a.numpy(), dtype=np.float64) for a in args)
    w1, b1, w2, b2 = (got[k].values.astype(np.float64) for k in KEYS)
    logits = np.tanh(X @ w1.T + b1) @ w2.T + b2
    top = logits.max(axis=1, keepdims=True)
    log_p = logits - top - np.log(np.exp(logits - top).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(y)), y.astype(int)].mean())


def _check(args, got):
    X, y = args
    d, c = X.shape[1], int(y.max()) + 1
    if not isinstance(got, dict) or set(got) != set(KEYS):
        return False, f"wrong type: expected a dict with the keys {list(KEYS)}"
    for key in KEYS:
        if not isinstance(got[key], Tensor) or got[key].values.dtype.kind != "f":
            return False, f"wrong type: {key} is not a float tensor"
    h = got["0.weight"].shape[0] if got["0.weight"].values.ndim == 2 else 0
    shapes = {"0.weight": (h, d), "0.bias": (h,), "2.weight": (c, h), "2.bias": (c,)}
    for key, shape in shapes.items():
        if got[key].shape != shape:
            return False, f"wrong shape: {key} has shape {got[key].shape}, expected {shape}"
    if not 1 <= h <= 32:
        return False, f"wrong shape: a hidden width of {h}, expected 1 to 32"
    if not all(np.isfinite(got[k].values).all() for k in KEYS):
        return False, "wrong value: a weight is not finite"
    loss = _loss(args, got)
    if not math.isfinite(loss) or loss > MAX_LOSS:
        return False, f"wrong value: the training loss is {loss:.4f}, above {MAX_LOSS}"
    return True, ""


def _generator(seed):
    return torch.Generator().manual_seed(seed)


def _xor(seed, per_corner=10, scale=1.0, offset=0.0):
    generator = _generator(seed)
    corners = [(-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0), (1.0, -1.0)]
    points = [torch.randn(per_corner, 2, generator=generator) * 0.25 + torch.tensor(c) for c in corners]
    labels = [int(cx * cy > 0) for cx, cy in corners for _ in range(per_corner)]
    return torch.cat(points) * scale + offset, torch.tensor(labels)


def _rings(seed, counts, radii):
    generator = _generator(seed)
    points, labels = [], []
    for label, (count, radius) in enumerate(zip(counts, radii, strict=True)):
        angle = torch.rand(count, generator=generator) * 2 * math.pi
        r = radius + torch.randn(count, generator=generator) * 0.1
        points.append(torch.stack([r * torch.cos(angle), r * torch.sin(angle)], dim=1))
        labels += [label] * count
    return torch.cat(points), torch.tensor(labels)


def _case(name, data, **options):
    return Case.of(name, *data, check=_check, seconds=SECONDS, **options)


def cases():
    return [
        _case("XOR", _xor(1), public=True),
        _case("a ring around a disc", _rings(2, (20, 20), (1.0, 2.5)), points=2),
        _case("three rings", _rings(3, (20, 20, 20), (0.5, 1.5, 2.5)), points=2),
        _case("XOR far from zero", _xor(4, scale=40.0, offset=300.0), points=2),
        _case("a small inner class", _rings(5, (40, 5), (2.5, 1.0))),
    ]
