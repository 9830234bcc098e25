"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import torch.nn.functional as F

from mlinterview.exercises.edges import Edge, answered, args, refused


def _run(W, b, Xt, yt, Xv, yv, lr, max_epochs, patience, min_delta=0.0):
    """The validation losses of plain gradient descent for max_epochs epochs (no stopping)."""
    W, b = W.clone().requires_grad_(True), b.clone().requires_grad_(True)
    losses = [F.mse_loss(Xv @ W + b, yv).item()]
    for _ in range(max_epochs):
        W.grad = b.grad = None
        F.mse_loss(Xt @ W + b, yt).backward()
        W.data -= lr * W.grad
        b.data -= lr * b.grad
        losses.append(F.mse_loss(Xv @ W + b, yv).item())
    return losses


def _rises_later(*a):
    losses = _run(*a)
    best = losses.index(min(losses))
    return 0 < best < len(losses) - 1


def _small_gains(*a):
    """Some epoch lowers the validation loss by less than min_delta."""
    min_delta = a[9] if len(a) > 9 else 0.0
    losses = _run(*a)
    return min_delta > 0 and any(0 < x - y < min_delta for x, y in zip(losses, losses[1:], strict=False))


def _no_gain(*a):
    losses = _run(*a)
    return len(losses) > 1 and min(losses[1:]) >= losses[0]


def _still_improving(*a):
    """The last epoch allowed is the best one so far."""
    losses = _run(*a)
    return len(losses) > 1 and losses[-1] == min(losses) < losses[0]


EDGES: dict[str, Edge] = {
    "the validation loss rises after its best epoch": answered(args(_rises_later)),
    "gains smaller than min_delta": answered(args(_small_gains)),
    "no epoch improves": answered(args(_no_gain)),
    "max_epochs reached while still improving": answered(args(_still_improving)),
    "zero epochs": answered(args(lambda *a: a[7] == 0)),
    "patience below 1, refused": refused(args(lambda *a: a[8] < 1)),
}
