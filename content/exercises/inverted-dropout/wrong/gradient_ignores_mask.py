import numpy as np


def dropout(x, mask, p, upstream, training):
    x, upstream = np.asarray(x, dtype=float), np.asarray(upstream, dtype=float)
    mask = np.asarray(mask, dtype=bool)
    if not 0 <= p < 1 or mask.shape != x.shape or upstream.shape != x.shape:
        raise ValueError("bad input")
    if not training:
        return x.copy(), upstream.copy()
    return x * mask / (1 - p), upstream / (1 - p)
