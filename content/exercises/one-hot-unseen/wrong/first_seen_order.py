import numpy as np


def one_hot(train_values, values):
    categories = list(dict.fromkeys(train_values))
    encoded = np.zeros((len(values), len(categories)), dtype=int)
    for row, value in enumerate(values):
        if value in categories:
            encoded[row, categories.index(value)] = 1
    return encoded
