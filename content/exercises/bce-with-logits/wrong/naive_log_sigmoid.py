import torch


def bce_with_logits(logits, targets):
    if logits.numel() == 0 or logits.shape != targets.shape:
        raise ValueError("bad input")
    x = logits.detach().clone().requires_grad_(True)
    p = torch.sigmoid(x)
    loss = -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p)).mean()
    loss.backward()
    return loss.detach(), x.grad
