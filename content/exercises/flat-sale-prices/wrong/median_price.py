import numpy as np


class FlatValuer:
    """The median sale price for every flat: robust, and wrong by a factor of two or more for
    most studios and most large flats."""

    def fit(self, X, y):
        self.price = float(np.median(y))
        return self

    def predict(self, X):
        return np.full(len(X), self.price)
