import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier


class FraudScorer:
    """A boosted classifier tuned the way accuracy suggests, returning its predicted labels. It is
    over 98% accurate, because it calls almost every payment genuine; as a ranking, a column of
    nearly all zeros puts the few frauds it does flag on top and the rest anywhere."""

    def fit(self, X, y):
        features = pd.get_dummies(X.drop(columns="chargeback_filed"), dtype=float)
        self.columns = features.columns
        self.model = HistGradientBoostingClassifier(max_iter=150, learning_rate=0.05, random_state=0)
        self.model.fit(features, y)
        return self

    def predict(self, X):
        features = pd.get_dummies(X.drop(columns="chargeback_filed"), dtype=float)
        return self.model.predict(features.reindex(columns=self.columns, fill_value=0.0))
