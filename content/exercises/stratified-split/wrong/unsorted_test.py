import numpy as np


def stratified_split(y, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be strictly between 0 and 1")
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    parts = [np.array([], dtype=np.int64)]
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        k = int(np.floor(test_fraction * len(members) + 0.5))
        parts.append(rng.permutation(members)[:k])
    test = np.concatenate(parts).astype(np.int64)
    train = np.setdiff1d(np.arange(len(y)), test)
    return train, test
