def init_bounds(shape):
    """Return {"fan_in", "fan_out", "xavier_uniform", "kaiming_uniform", "pytorch_default"} for a
    weight of this shape (PyTorch layout: out first, then in, then the kernel)."""
    raise NotImplementedError
