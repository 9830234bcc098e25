import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["log_area", "rooms", "floor_with_lift", "floor_without_lift", "year_built"]
CATEGORICAL = ["district", "condition"]


class FlatValuer:
    """A linear model of the log price. On the log scale the district and the condition become
    additive shifts, the floor area enters as its log (price proportional to area), squared error
    is the metric's own loss, and the back-transformed prediction can never be negative. The floor
    counts up with a lift and down without one, so it gets one column for each case. The transfer
    tax is left out: it is paid when the sale completes, so a flat still for sale has none."""

    def fit(self, X, y):
        features = ColumnTransformer(
            [
                ("numbers", StandardScaler(), NUMERIC),
                ("categories", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
            ]
        )
        self.pipeline = make_pipeline(features, Ridge(alpha=1.0))
        self.pipeline.fit(self._features(X), np.log1p(np.asarray(y, dtype=float)))
        return self

    def predict(self, X):
        return np.expm1(self.pipeline.predict(self._features(X)))

    @staticmethod
    def _features(X):
        floor, lift = X["floor"].to_numpy(dtype=float), X["lift"].to_numpy(dtype=float)
        return pd.DataFrame(
            {
                "log_area": np.log(X["area_m2"].to_numpy(dtype=float)),
                "rooms": X["rooms"].to_numpy(dtype=float),
                "floor_with_lift": floor * lift,
                "floor_without_lift": floor * (1.0 - lift),
                "year_built": X["year_built"].to_numpy(dtype=float),
                "district": X["district"].to_numpy(),
                "condition": X["condition"].to_numpy(),
            }
        )
