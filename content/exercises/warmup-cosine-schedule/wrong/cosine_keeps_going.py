import numpy as np


def warmup_cosine_lr(steps, base_lr, warmup_steps, total_steps, min_lr):
    steps = np.asarray(steps, dtype=float).reshape(-1)
    if np.any(steps < 0) or total_steps < 1 or not 0 <= warmup_steps <= total_steps:
        raise ValueError("bad steps")
    if not 0 <= min_lr <= base_lr:
        raise ValueError("bad learning rates")
    out = []
    for s in steps:
        if s < warmup_steps:
            out.append(base_lr * s / warmup_steps)
        else:  # no clamp at total_steps: past the end the cosine rises again
            progress = (s - warmup_steps) / max(total_steps - warmup_steps, 1)
            out.append(min_lr + (base_lr - min_lr) * 0.5 * (1 + np.cos(np.pi * progress)))
    return np.array(out, dtype=float)
