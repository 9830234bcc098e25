import numpy as np


def batch_hard_triplet_loss(embeddings, labels, margin):
    X, labels = np.asarray(embeddings, dtype=float), np.asarray(labels)
    if margin < 0 or len(labels) != len(X):
        raise ValueError("bad input")
    if len(X) == 0:
        return 0.0
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    same = labels[:, None] == labels[None, :]
    pos = same & ~np.eye(len(X), dtype=bool)
    losses = np.zeros(len(X))  # a skipped anchor still counts, as a loss of 0
    for i in range(len(X)):
        if pos[i].any() and (~same[i]).any():
            losses[i] = max(0.0, D[i][pos[i]].max() - D[i][~same[i]].min() + margin)
    return float(losses.mean())
