import torch


def smoothed_cross_entropy(logits, target, smoothing=0.0, ignore_index=-100):
    if not 0.0 <= smoothing <= 1.0:
        raise ValueError("smoothing must be in [0, 1]")
    kept = target != ignore_index
    if not bool(kept.any()):
        raise ValueError("every target is ignored")
    log_p = torch.log_softmax(logits[kept], dim=-1)
    true_class = -log_p.gather(1, target[kept][:, None]).squeeze(1)
    uniform = -log_p.mean(dim=-1)
    return ((1.0 - smoothing) * true_class + smoothing * uniform).mean()
