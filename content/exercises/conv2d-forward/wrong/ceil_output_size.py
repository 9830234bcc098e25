import math

import numpy as np


def conv2d(x, w, b, stride, padding):
    x, w, b = np.asarray(x, dtype=float), np.asarray(w, dtype=float), np.asarray(b, dtype=float)
    if x.ndim != 4 or w.ndim != 4 or x.shape[1] != w.shape[1] or b.shape != (w.shape[0],):
        raise ValueError("bad shapes")
    if stride < 1 or padding < 0:
        raise ValueError("bad stride or padding")
    n, _, h, width = x.shape
    c_out, _, kh, kw = w.shape
    if kh > h + 2 * padding or kw > width + 2 * padding:
        raise ValueError("kernel too large")
    h_out = math.ceil((h + 2 * padding - kh) / stride) + 1
    w_out = math.ceil((width + 2 * padding - kw) / stride) + 1
    # pad enough extra zeros at the bottom and right for the last window
    extra_h = (h_out - 1) * stride + kh - (h + 2 * padding)
    extra_w = (w_out - 1) * stride + kw - (width + 2 * padding)
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding + extra_h), (padding, padding + extra_w)))
    out = np.zeros((n, c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            patch = xp[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            out[:, :, i, j] = np.einsum("nchw,ochw->no", patch, w) + b
    return out
