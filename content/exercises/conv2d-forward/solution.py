import numpy as np


def conv2d(x, w, b, stride, padding):
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    b = np.asarray(b, dtype=float)
    if x.ndim != 4 or w.ndim != 4:
        raise ValueError("x and w must be 4-D")
    n, c_in, h, width = x.shape
    c_out, c_w, kh, kw = w.shape
    if c_in != c_w:
        raise ValueError("x and w have different channel counts")
    if b.shape != (c_out,):
        raise ValueError("b must have one entry per output channel")
    if stride < 1 or padding < 0:
        raise ValueError("stride must be at least 1 and padding non-negative")
    if kh > h + 2 * padding or kw > width + 2 * padding:
        raise ValueError("the kernel is larger than the padded input")
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (width + 2 * padding - kw) // stride + 1
    out = np.empty((n, c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            patch = xp[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + b[None, :, None, None]
