"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from mlinterview.exercises.edges import Edge, answered, args, refused


def _first_norm(p, X, y):
    """The global gradient norm of the first step."""
    p = {k: t.clone().requires_grad_(True) for k, t in p.items()}
    logits = torch.relu(X @ p["0.weight"].T + p["0.bias"]) @ p["2.weight"].T + p["2.bias"]
    F.cross_entropy(logits, y).backward()
    return float(torch.sqrt(sum((t.grad**2).sum() for t in p.values())))


def _call(lr, momentum=0.0, weight_decay=0.0, max_norm=None):
    return momentum, weight_decay, max_norm


def _options(rest):
    return _call(*rest)


EDGES: dict[str, Edge] = {
    "clipping that binds over several steps": answered(
        args(
            lambda p, X, y, steps, *rest: (
                steps >= 2 and _options(rest)[2] is not None and _first_norm(p, X, y) > _options(rest)[2]
            )
        )
    ),
    "several steps with momentum": answered(
        args(lambda p, X, y, steps, *rest: steps >= 2 and _options(rest)[0] > 0)
    ),
    "weight decay": answered(args(lambda p, X, y, steps, *rest: steps >= 1 and _options(rest)[1] > 0)),
    "a max_norm that does not bind": answered(
        args(
            lambda p, X, y, steps, *rest: (
                steps >= 1 and _options(rest)[2] is not None and _first_norm(p, X, y) < _options(rest)[2]
            )
        )
    ),
    "zero steps": answered(args(lambda p, X, y, steps, *rest: steps == 0)),
    "negative steps, refused": refused(args(lambda p, X, y, steps, *rest: steps < 0)),
    "a max_norm not positive, refused": refused(
        args(lambda p, X, y, steps, *rest: _options(rest)[2] is not None and _options(rest)[2] <= 0)
    ),
}
