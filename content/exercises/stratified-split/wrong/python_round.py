import numpy as np


def stratified_split(y, test_fraction, seed):
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be strictly between 0 and 1")
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    test = []
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        k = round(test_fraction * len(members))
        test.extend(rng.choice(members, size=k, replace=False).tolist())
    test = np.array(sorted(test), dtype=np.int64)
    train = np.setdiff1d(np.arange(len(y)), test)
    return train, test
