def batch_hard_triplet_loss(embeddings, labels, margin) -> float:
    """Return the mean over usable anchors of max(0, farthest positive - nearest negative + margin)."""
    raise NotImplementedError
