import numpy as np


def batch_hard_triplet_loss(embeddings, labels, margin):
    X, labels = np.asarray(embeddings, dtype=float), np.asarray(labels)
    if margin < 0 or len(labels) != len(X):
        raise ValueError("bad input")
    D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)  # squared: no square root taken
    same = labels[:, None] == labels[None, :]
    pos = same & ~np.eye(len(X), dtype=bool)
    losses = [
        max(0.0, D[i][pos[i]].max() - D[i][~same[i]].min() + margin)
        for i in range(len(X))
        if pos[i].any() and (~same[i]).any()
    ]
    return float(np.mean(losses)) if losses else 0.0
