import numpy as np


def one_hot(train_values, values):
    categories = sorted(set(train_values))
    column = {category: k for k, category in enumerate(categories)}
    encoded = np.zeros((len(values), len(categories)), dtype=np.int64)
    for row, value in enumerate(values):
        if value in column:
            encoded[row, column[value]] = 1
    return encoded
