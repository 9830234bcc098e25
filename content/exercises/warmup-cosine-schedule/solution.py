import numpy as np


def warmup_cosine_lr(steps, base_lr, warmup_steps, total_steps, min_lr):
    steps = np.asarray(steps, dtype=float).reshape(-1)
    if np.any(steps < 0):
        raise ValueError("steps count from 0")
    if total_steps < 1 or not 0 <= warmup_steps <= total_steps:
        raise ValueError("need 0 <= warmup_steps <= total_steps and total_steps >= 1")
    if not 0 <= min_lr <= base_lr:
        raise ValueError("need 0 <= min_lr <= base_lr")
    lr = np.full(steps.shape, float(min_lr))
    warm = steps < warmup_steps
    lr[warm] = base_lr * steps[warm] / warmup_steps
    decay = (steps >= warmup_steps) & (steps < total_steps)
    progress = (steps[decay] - warmup_steps) / (total_steps - warmup_steps)
    lr[decay] = min_lr + (base_lr - min_lr) * 0.5 * (1.0 + np.cos(np.pi * progress))
    return lr
