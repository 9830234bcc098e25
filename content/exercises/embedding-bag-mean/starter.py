def bag_mean(weight, tokens, lengths, padding_idx=None):
    """Return the (B, D) mean embedding of each bag: the first lengths[b] tokens of row b, without
    padding_idx tokens; an empty bag gives zeros."""
    raise NotImplementedError
