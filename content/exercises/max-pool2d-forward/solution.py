import numpy as np


def max_pool2d(x, kernel, stride, padding):
    x = np.asarray(x, dtype=float)
    if x.ndim != 4:
        raise ValueError("x must be 4-D (N, C, H, W)")
    if kernel < 1 or stride < 1 or padding < 0 or padding > kernel // 2:
        raise ValueError("need kernel >= 1, stride >= 1 and 0 <= padding <= kernel // 2")
    n, c, h, w = x.shape
    if kernel > h + 2 * padding or kernel > w + 2 * padding:
        raise ValueError("the window is larger than the padded image")
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)), constant_values=-np.inf)
    h_out = (h + 2 * padding - kernel) // stride + 1
    w_out = (w + 2 * padding - kernel) // stride + 1
    out = np.empty((n, c, h_out, w_out))
    mask_padded = np.zeros(xp.shape, dtype=np.int64)
    batch, channel = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    for i in range(h_out):
        for j in range(w_out):
            top, left = i * stride, j * stride
            window = xp[:, :, top : top + kernel, left : left + kernel].reshape(n, c, kernel * kernel)
            first = np.argmax(window, axis=2)  # the first maximum in row-major order
            out[:, :, i, j] = np.take_along_axis(window, first[..., None], axis=2)[..., 0]
            np.add.at(mask_padded, (batch, channel, top + first // kernel, left + first % kernel), 1)
    mask = mask_padded[:, :, padding : padding + h, padding : padding + w]
    return out, mask
