def collate(batch, pad_value=0):
    """Return {"tokens", "lengths", "mask", "labels"} for a list of (1-D token tensor, int label)."""
    raise NotImplementedError
