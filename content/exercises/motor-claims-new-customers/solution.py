import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class ClaimModel:
    """A regularised logistic regression on features that describe the risk rather than the person:
    the driver's age that year (with flags for young and old drivers), experience, log kilometres,
    log area density and the make. It has too few degrees of freedom to recognise a customer by
    their birth year and car value, so what it learns carries over to people it has never seen (a
    choice best made by validating on customers held out as a group, not on random rows)."""

    def fit(self, X, y):
        features = self._features(X)
        self.columns = features.columns
        self.model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
        self.model.fit(features, np.asarray(y))
        return self

    def predict(self, X):
        return self.model.predict_proba(self._features(X).reindex(columns=self.columns, fill_value=0.0))[:, 1]

    @staticmethod
    def _features(X):
        age = (X["policy_year"] - X["birth_year"]).to_numpy(dtype=float)
        features = pd.DataFrame(
            {
                "age": age,
                "young_driver": (age < 25).astype(float),
                "older_driver": (age > 72).astype(float),
                "licence_years": X["licence_years"].to_numpy(dtype=float).clip(0, 30),
                "log_km": np.log(X["annual_km"].to_numpy(dtype=float)),
                "log_density": np.log(X["area_density"].to_numpy(dtype=float)),
                "log_car_value": np.log(X["car_value"].to_numpy(dtype=float)),
            }
        )
        makes = pd.get_dummies(X["car_make"], prefix="make", dtype=float).set_axis(features.index)
        return pd.concat([features, makes], axis=1)
