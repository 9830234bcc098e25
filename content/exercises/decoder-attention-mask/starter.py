def decoder_mask(lengths, max_len, window=None):
    """Return the (B, max_len, max_len) bool mask, True where query i of sequence b may attend
    key j: j <= i, both real tokens, and i - j < window when a window is given."""
    raise NotImplementedError
