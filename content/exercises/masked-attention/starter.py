def attention(q, k, v, mask=None):
    """Return (output, weights) of scaled dot-product attention; mask is None or a bool tensor
    that is True where a query may attend to a key."""
    raise NotImplementedError
