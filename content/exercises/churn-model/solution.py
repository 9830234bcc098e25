import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["tenure_months", "monthly_fee", "discount", "support_calls_90d", "days_since_last_login"]
CATEGORICAL = ["plan", "region"]
# refund_issued is left out: support fills it in after a customer has cancelled, so it is never
# known when the prediction is made.


class ChurnModel:
    def fit(self, X, y):
        features = ColumnTransformer(
            [
                ("numbers", StandardScaler(), NUMERIC),
                ("categories", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
            ]
        )
        self.pipeline = make_pipeline(features, LogisticRegression(max_iter=1000, class_weight="balanced"))
        self.pipeline.fit(X[NUMERIC + CATEGORICAL], np.asarray(y))
        return self

    def predict(self, X):
        return self.pipeline.predict_proba(X[NUMERIC + CATEGORICAL])[:, 1]
