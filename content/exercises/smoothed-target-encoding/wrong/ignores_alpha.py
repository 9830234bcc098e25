import numpy as np


def target_encode(train_cat, train_y, test_cat, alpha):
    y = np.asarray(train_y, dtype=float)
    prior = float(y.mean())
    means = {}
    for category in set(c for c in train_cat if c is not None):
        means[category] = float(np.mean([t for c, t in zip(train_cat, y, strict=True) if c == category]))
    train = np.array([means.get(c, prior) if c is not None else prior for c in train_cat], dtype=float)
    test = np.array([means.get(c, prior) if c is not None else prior for c in test_cat], dtype=float)
    return train, test
