import torch


def clip_grad_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError("max_norm must be positive")
    present = [g for g in grads if g is not None]
    total = float(torch.sqrt(sum((g**2).sum() for g in present))) if present else 0.0
    # Clips each element to [-max_norm, max_norm] (clip_grad_value_), not the norm.
    return [None if g is None else g.clamp(-max_norm, max_norm) for g in grads], total
