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
        # Each micro-batch's mean weighted by its share n_i / N: the weighted sum is the mean
        # over all N rows, and so are the accumulated gradients.
        part = F.binary_cross_entropy_with_logits(X @ w + b, y) * (len(y) / total)
        part.backward()
        loss += part.item()
    with torch.no_grad():
        return w - lr * w.grad, b - lr * b.grad, loss
