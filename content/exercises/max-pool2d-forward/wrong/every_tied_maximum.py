import numpy as np


def max_pool2d(x, kernel, stride, padding):
    x = np.asarray(x, dtype=float)
    if x.ndim != 4 or kernel < 1 or stride < 1 or padding < 0 or padding > kernel // 2:
        raise ValueError("bad arguments")
    n, c, h, w = x.shape
    if kernel > h + 2 * padding or kernel > w + 2 * padding:
        raise ValueError("window too large")
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), constant_values=-np.inf)
    h_out = (h + 2 * padding - kernel) // stride + 1
    w_out = (w + 2 * padding - kernel) // stride + 1
    out = np.zeros((n, c, h_out, w_out))
    mask = np.zeros(xp.shape, dtype=np.int64)
    for i in range(h_out):
        for j in range(w_out):
            rows = slice(i * stride, i * stride + kernel)
            cols = slice(j * stride, j * stride + kernel)
            best = xp[:, :, rows, cols].max(axis=(2, 3))
            out[:, :, i, j] = best
            # every cell equal to the maximum gets the gradient
            mask[:, :, rows, cols] += xp[:, :, rows, cols] == best[:, :, None, None]
    return out, mask[:, :, padding : padding + h, padding : padding + w]
