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
    for b in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    window = xp[b, ch, i * stride : i * stride + kernel, j * stride : j * stride + kernel]
                    u, v = np.unravel_index(np.argmax(window), window.shape)
                    out[b, ch, i, j] = window[u, v]
                    mask[b, ch, i * stride + u, j * stride + v] = 1  # marks the winner, does not count
    return out, mask[:, :, padding : padding + h, padding : padding + w]
