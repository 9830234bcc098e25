import numpy as np


class ChurnModel:
    """A rule of thumb instead of a model: whoever has not logged in for longest is most at risk."""

    def fit(self, X, y):
        return self

    def predict(self, X):
        return np.asarray(X["days_since_last_login"], dtype=float)
