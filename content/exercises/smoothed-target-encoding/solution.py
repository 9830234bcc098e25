import numpy as np


def target_encode(train_cat, train_y, test_cat, alpha):
    y = np.asarray(train_y, dtype=float)
    prior = float(y.mean())
    sums: dict = {}
    counts: dict = {}
    for category, target in zip(train_cat, y, strict=True):
        if category is None:
            continue
        sums[category] = sums.get(category, 0.0) + float(target)
        counts[category] = counts.get(category, 0) + 1
    encoding = {c: (sums[c] + alpha * prior) / (counts[c] + alpha) for c in counts}

    def encode(values):
        return np.array([prior if v is None else encoding.get(v, prior) for v in values], dtype=float)

    return encode(train_cat), encode(test_cat)
