import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class DefaultModel:
    """A sound classifier asked for the wrong output: `predict` returns the predicted class, a
    probability of exactly 0 or 1 for every loan, so each default it misses costs as much as a
    near-certain mistake."""

    def fit(self, X, y):
        features = pd.get_dummies(X, dtype=float)
        self.columns = features.columns
        self.model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(features, y)
        return self

    def predict(self, X):
        return self.model.predict(
            pd.get_dummies(X, dtype=float).reindex(columns=self.columns, fill_value=0.0)
        )
