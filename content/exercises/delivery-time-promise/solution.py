import numpy as np
from sklearn.ensemble import GradientBoostingRegressor


class DeliveryPromise:
    """Gradient boosting fitted with the quantile (pinball) loss at 0.9: it estimates each order's
    own 90th percentile, so a rainy evening order with few couriers gets a wider margin over its
    typical time than a calm lunchtime one. Leaves of at least 20 orders, because a tail quantile
    is estimated from few points. The apology voucher is left out: it is written after the
    delivery, so at checkout, where the promise is made, it is always 0."""

    columns = ["distance_km", "hour", "items", "raining", "couriers_on_shift"]

    def fit(self, X, y):
        self.model = GradientBoostingRegressor(
            loss="quantile",
            alpha=0.9,
            n_estimators=100,
            learning_rate=0.1,
            max_depth=3,
            min_samples_leaf=20,
            random_state=0,
        )
        self.model.fit(X[self.columns], np.asarray(y, dtype=float))
        return self

    def predict(self, X):
        return self.model.predict(X[self.columns])
