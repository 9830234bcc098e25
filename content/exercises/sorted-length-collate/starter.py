def sorted_collate(batch, pad_value=0):
    """Return {"tokens", "lengths", "labels", "order", "restore"}: the batch padded and sorted by
    decreasing length (ties in batch order), and the permutations to and from that order."""
    raise NotImplementedError
