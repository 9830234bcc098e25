import numpy as np


def dropout(x, mask, p, upstream, training):
    x = np.asarray(x, dtype=float)
    mask = np.asarray(mask, dtype=bool)
    upstream = np.asarray(upstream, dtype=float)
    if not 0 <= p < 1:
        raise ValueError("p must be in [0, 1)")
    if mask.shape != x.shape or upstream.shape != x.shape:
        raise ValueError("mask and upstream must have the shape of x")
    if not training:
        return x.copy(), upstream.copy()
    scale = mask / (1.0 - p)
    return x * scale, upstream * scale
