import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge


class SalesForecaster:
    """A linear model of log sales: each shop's own level and its own trend over the weeks, plus
    the day of the week, promotions and holidays. The log scale turns the multiplicative effects
    into additive ones and predicts the typical day (the median), which is what MAE rewards; a
    per-shop straight line carries the trend on past the last training week, where a tree stays
    flat."""

    def fit(self, X, y):
        self.shops = sorted(X["shop"].unique())
        self.model = Ridge(alpha=1.0).fit(self._features(X), np.log1p(np.asarray(y, dtype=float)))
        return self

    def predict(self, X):
        return np.expm1(self.model.predict(self._features(X)))

    def _features(self, X):
        shop = X["shop"].to_numpy()
        columns = {}
        for name in self.shops:
            mine = (shop == name).astype(float)
            columns[f"level_{name}"] = mine
            columns[f"trend_{name}"] = mine * X["week"].to_numpy()
        for day in range(7):
            columns[f"day_{day}"] = (X["day_of_week"].to_numpy() == day).astype(float)
        columns["promo"] = X["promo"].to_numpy(dtype=float)
        columns["holiday"] = X["holiday"].to_numpy(dtype=float)
        return pd.DataFrame(columns)
