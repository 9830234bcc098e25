import torch


def bce_with_logits(logits, targets):
    if logits.numel() == 0:
        raise ValueError("logits must have at least one element")
    if logits.shape != targets.shape:
        raise ValueError("logits and targets must have the same shape")
    x = logits.detach()
    losses = x.clamp_min(0) - x * targets + torch.log1p(torch.exp(-x.abs()))
    # The gradient written down: autograd through clamp and abs is wrong at x = 0.
    grad = (torch.sigmoid(x) - targets) / x.numel()
    return losses.mean(), grad
