import torch


def smoothed_cross_entropy(logits, target, smoothing=0.0, ignore_index=-100):
    if not 0.0 <= smoothing <= 1.0:
        raise ValueError("smoothing must be in [0, 1]")
    kept = target != ignore_index
    if not bool(kept.any()):
        raise ValueError("every target is ignored")
    log_p = torch.log_softmax(logits[kept], dim=-1)
    classes = log_p.shape[-1]
    # Puts 1 - eps on the true class and eps / (C - 1) on each other class (another convention).
    soft = torch.full_like(log_p, smoothing / (classes - 1))
    soft.scatter_(1, target[kept][:, None], 1.0 - smoothing)
    return -(soft * log_p).sum(dim=-1).mean()
