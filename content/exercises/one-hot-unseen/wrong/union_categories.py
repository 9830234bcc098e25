import numpy as np


def one_hot(train_values, values):
    categories = sorted(set(train_values) | set(values))
    encoded = np.zeros((len(values), len(categories)), dtype=int)
    for row, value in enumerate(values):
        encoded[row, categories.index(value)] = 1
    return encoded
