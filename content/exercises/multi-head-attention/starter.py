def multi_head_attention(query, key, value, params, num_heads, key_padding_mask=None):
    """Return (output (B, Lq, E), weights (B, num_heads, Lq, Lk)) of nn.MultiheadAttention with
    batch_first=True and the given state dict; key_padding_mask is True at keys to ignore."""
    raise NotImplementedError
