import numpy as np


class DefaultModel:
    """Everyone gets the average default rate: calibrated on average, and no use for pricing."""

    def fit(self, X, y):
        self.rate = float(np.mean(y))
        return self

    def predict(self, X):
        return np.full(len(X), self.rate)
