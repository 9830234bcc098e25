import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier


class DefaultModel:
    """A boosted classifier returning its predicted class: a probability of exactly 0 or 1 for every
    loan, so each default it misses costs as much as a near-certain mistake."""

    def fit(self, X, y):
        features = pd.get_dummies(X, dtype=float)
        self.columns = features.columns
        self.model = HistGradientBoostingClassifier(random_state=0).fit(features, y)
        return self

    def predict(self, X):
        return self.model.predict(
            pd.get_dummies(X, dtype=float).reindex(columns=self.columns, fill_value=0.0)
        )
