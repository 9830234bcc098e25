import pandas as pd
from sklearn.ensemble import RandomForestClassifier


class ClaimModel:
    """A random forest grown to full depth on every column, validated on random policy years. Birth
    year, car value and area pin down a customer, so for a customer it has seen the forest looks up
    their other years: superb on random rows, whose customers are in training, and little better
    than the age table on a customer it has never met."""

    def fit(self, X, y):
        features = pd.get_dummies(X, dtype=float)
        self.columns = features.columns
        self.model = RandomForestClassifier(n_estimators=50, random_state=0, n_jobs=1).fit(features, y)
        return self

    def predict(self, X):
        features = pd.get_dummies(X, dtype=float).reindex(columns=self.columns, fill_value=0.0)
        return self.model.predict_proba(features)[:, 1]
