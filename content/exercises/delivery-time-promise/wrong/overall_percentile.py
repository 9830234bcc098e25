import numpy as np


class DeliveryPromise:
    """One promise for every order: the 90th percentile of last month's delivery times. It is met
    nine times in ten overall, far too generous for a short trip and broken by most long ones."""

    def fit(self, X, y):
        self.promise = float(np.quantile(y, 0.9))
        return self

    def predict(self, X):
        return np.full(len(X), self.promise)
