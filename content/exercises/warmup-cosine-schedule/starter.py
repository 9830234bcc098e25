import numpy as np


def warmup_cosine_lr(steps, base_lr, warmup_steps, total_steps, min_lr) -> np.ndarray:
    """Return the learning rate at each step: linear warmup from 0, then cosine decay to min_lr."""
    raise NotImplementedError
