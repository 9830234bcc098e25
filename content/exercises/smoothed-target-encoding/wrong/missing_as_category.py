import numpy as np


def target_encode(train_cat, train_y, test_cat, alpha):
    y = np.asarray(train_y, dtype=float)
    prior = float(y.mean())
    sums, counts = {}, {}
    for category, target in zip(train_cat, y, strict=True):
        sums[category] = sums.get(category, 0.0) + float(target)
        counts[category] = counts.get(category, 0) + 1
    encoding = {c: (sums[c] + alpha * prior) / (counts[c] + alpha) for c in counts}
    train = np.array([encoding.get(v, prior) for v in train_cat], dtype=float)
    test = np.array([encoding.get(v, prior) for v in test_cat], dtype=float)
    return train, test
