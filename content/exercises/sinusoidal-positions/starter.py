def positional_encoding(length, d_model, base=10000.0):
    """Return the (length, d_model) float32 sinusoidal positional encoding table."""
    raise NotImplementedError
