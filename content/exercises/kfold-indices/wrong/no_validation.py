import numpy as np


def kfold_indices(n, k):
    folds = np.array_split(np.arange(n), k)
    return [(np.concatenate(folds[:i] + folds[i + 1 :]), fold) for i, fold in enumerate(folds)]
