import torch


def decoder_mask(lengths, max_len, window=None):
    if bool((lengths < 0).any()) or bool((lengths > max_len).any()):
        raise ValueError("every length must be between 0 and max_len")
    if window is not None and window < 1:
        raise ValueError("window must be at least 1")
    i = torch.arange(max_len)[:, None]  # query positions
    j = torch.arange(max_len)[None, :]  # key positions
    allowed = j <= i
    if window is not None:
        # One position too many: i - j may equal the window.
        allowed &= i - j <= window
    real = torch.arange(max_len)[None, :] < lengths[:, None]  # (B, max_len)
    return allowed[None, :, :] & real[:, :, None] & real[:, None, :]
