import numpy as np


def dropout(x, mask, p, upstream, training):
    x, upstream = np.asarray(x, dtype=float), np.asarray(upstream, dtype=float)
    mask = np.asarray(mask, dtype=bool)
    if not 0 <= p < 1 or mask.shape != x.shape or upstream.shape != x.shape:
        raise ValueError("bad input")
    if training:
        return x * mask / (1 - p), upstream * mask / (1 - p)
    # scale down at test time, as in the original dropout paper
    return x * (1 - p), upstream * (1 - p)
