import numpy as np


class CancellationModel:
    """Last season's cancellation rate for every booking: right on average, useless for deciding
    which rooms to overbook."""

    def fit(self, X, y):
        self.rate = float(np.mean(y))
        return self

    def predict(self, X):
        return np.full(len(X), self.rate)
