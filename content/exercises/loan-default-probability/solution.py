import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


class DefaultModel:
    """Plain logistic regression, fitted on the classes as they come: its predicted probabilities
    match how often loans default (log loss is minimised by the true probability), with features
    on sensible scales (log income, the loan relative to income) and the categories one-hot."""

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
        income = X["income"].to_numpy(dtype=float)
        features = pd.DataFrame(
            {
                "log_income": np.log(income),
                "debt_to_income": X["debt_to_income"].to_numpy(dtype=float),
                "credit_history_years": X["credit_history_years"].to_numpy(dtype=float),
                "late_payments_2y": X["late_payments_2y"].to_numpy(dtype=float),
                "loan_to_income": X["loan_amount"].to_numpy(dtype=float) / income,
            }
        )
        categories = pd.get_dummies(X[["employment", "purpose"]], dtype=float).set_axis(features.index)
        return pd.concat([features, categories], axis=1)
