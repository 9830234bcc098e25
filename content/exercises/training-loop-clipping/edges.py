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


def _settings(p, X, y, steps, lr, momentum=0.0, weight_decay=0.0, max_norm=None):
    return steps, momentum, weight_decay, max_norm


def _clipping(binds):
    """At least one step, a max_norm, and the first step's gradient norm above it (or below it)."""

    def holds(*a):
        steps, _, _, max_norm = _settings(*a)
        if steps < 1 or max_norm is None or max_norm <= 0:
            return False
        return (_first_norm(*a[:3]) > max_norm) == binds and (steps >= 2 or not binds)

    return holds


EDGES: dict[str, Edge] = {
    "clipping that binds over several steps": answered(args(_clipping(binds=True))),
    "a max_norm that does not bind": answered(args(_clipping(binds=False))),
    "several steps with momentum": answered(args(lambda *a: _settings(*a)[0] >= 2 and _settings(*a)[1] > 0)),
    "weight decay": answered(args(lambda *a: _settings(*a)[0] >= 1 and _settings(*a)[2] > 0)),
    "zero steps": answered(args(lambda *a: _settings(*a)[0] == 0)),
    "negative steps, refused": refused(args(lambda *a: _settings(*a)[0] < 0)),
    "a max_norm not positive, refused": refused(
        args(lambda *a: _settings(*a)[3] is not None and _settings(*a)[3] <= 0)
    ),
}
