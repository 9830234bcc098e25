import numpy as np
import pandas as pd


class SalesForecaster:
    """Each shop's median day over the whole year: robust to the big days, blind to the trend and
    to everything else."""

    def fit(self, X, y):
        self.median = pd.Series(np.asarray(y, dtype=float)).groupby(X["shop"].to_numpy()).median()
        self.overall = float(np.median(y))
        return self

    def predict(self, X):
        return X["shop"].map(self.median).fillna(self.overall).to_numpy(dtype=float)
