import numpy as np
import pandas as pd

BANDS = [21, 25, 30, 40, 50, 60, 70, 80]


class ClaimModel:
    """The classic rating table: the claim rate of each age band, nothing else."""

    def fit(self, X, y):
        self.rate = pd.Series(np.asarray(y, dtype=float)).groupby(self._band(X)).mean()
        self.overall = float(np.mean(y))
        return self

    def predict(self, X):
        return pd.Series(self._band(X)).map(self.rate).fillna(self.overall).to_numpy()

    @staticmethod
    def _band(X):
        return np.digitize((X["policy_year"] - X["birth_year"]).to_numpy(), BANDS)
