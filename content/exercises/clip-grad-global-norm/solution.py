import torch


def clip_grad_norm(grads, max_norm):
    if max_norm <= 0:
        raise ValueError("max_norm must be positive")
    present = [g for g in grads if g is not None]
    if not present:
        return [None for _ in grads], 0.0
    total = torch.sqrt(sum(g.detach().double().pow(2).sum() for g in present))
    coefficient = max_norm / (float(total) + 1e-6)
    if coefficient >= 1.0:
        return [None if g is None else g.clone() for g in grads], float(total)
    return [None if g is None else g * coefficient for g in grads], float(total)
