import numpy as np


def batch_hard_triplet_loss(embeddings, labels, margin):
    X, labels = np.asarray(embeddings, dtype=float), np.asarray(labels)
    if margin < 0 or len(labels) != len(X):
        raise ValueError("bad input")
    if len(X) == 0:
        return 0.0
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    same = labels[:, None] == labels[None, :]  # the diagonal counts as a positive at distance 0
    losses = []
    for i in range(len(X)):
        if (~same[i]).any():
            losses.append(max(0.0, D[i][same[i]].max() - D[i][~same[i]].min() + margin))
    return float(np.mean(losses)) if losses else 0.0
