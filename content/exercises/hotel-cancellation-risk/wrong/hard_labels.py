import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["lead_time_days", "nights", "previous_cancellations", "special_requests"]
CATEGORICAL = ["deposit", "agent"]


class CancellationModel:
    """The right features and model, but predict() returns the predicted class: every booking is
    0 or 1, and each wrong one costs the full squared error of 1."""

    def fit(self, X, y):
        features = ColumnTransformer(
            [
                ("numbers", StandardScaler(), NUMERIC),
                ("categories", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
            ]
        )
        self.pipeline = make_pipeline(features, LogisticRegression(max_iter=2000))
        self.pipeline.fit(X[NUMERIC + CATEGORICAL], np.asarray(y))
        return self

    def predict(self, X):
        return self.pipeline.predict(X[NUMERIC + CATEGORICAL])
