import numpy as np


def batch_hard_triplet_loss(embeddings, labels, margin):
    X = np.asarray(embeddings, dtype=float)
    labels = np.asarray(labels)
    if margin < 0:
        raise ValueError("margin must be non-negative")
    if X.ndim != 2 or labels.shape != (len(X),):
        raise ValueError("one label per row of embeddings")
    # differences, not the |a|^2 + |b|^2 - 2ab expansion: identical rows give exactly 0
    distances = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    same = labels[:, None] == labels[None, :]
    positive = same & ~np.eye(len(X), dtype=bool)
    negative = ~same
    losses = []
    for i in range(len(X)):
        if not positive[i].any() or not negative[i].any():
            continue
        hardest_positive = distances[i][positive[i]].max()
        hardest_negative = distances[i][negative[i]].min()
        losses.append(max(0.0, hardest_positive - hardest_negative + margin))
    return float(np.mean(losses)) if losses else 0.0
