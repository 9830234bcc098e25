def last_real_step(outputs, lengths, batch_first=True):
    """Return the (B, H) outputs of each sequence at its last real step lengths[b] - 1."""
    raise NotImplementedError
