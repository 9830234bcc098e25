import numpy as np


def one_hot(train_values, values):
    categories = np.unique(np.asarray(train_values))
    values = np.asarray(values)
    encoded = np.zeros((len(values), len(categories)), dtype=int)
    if len(values) == 0 or len(categories) == 0:
        return encoded
    columns = np.searchsorted(categories, values)
    known = columns < len(categories)
    encoded[np.flatnonzero(known), columns[known]] = 1
    return encoded
