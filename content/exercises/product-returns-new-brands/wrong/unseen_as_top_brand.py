from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["price", "photos", "seller_rating"]


class ReturnRiskModel:
    """One-hot brands with the encoder's defaults, which raise on a brand never seen in training;
    the patch replaces such a brand with the most common one. Fine on validation orders of known
    brands; every new brand is then scored as if it were the market leader, and the title, the one
    column that says what was bought, is never used."""

    def fit(self, X, y):
        self.known = set(X["brand"])
        self.most_common = X["brand"].mode()[0]
        features = ColumnTransformer(
            [("brand", OneHotEncoder(), ["brand"]), ("numbers", StandardScaler(), NUMERIC)]
        )
        self.model = make_pipeline(features, LogisticRegression(max_iter=2000))
        self.model.fit(X, y)
        return self

    def predict(self, X):
        X = X.copy()
        X["brand"] = X["brand"].where(X["brand"].isin(self.known), self.most_common)
        return self.model.predict_proba(X)[:, 1]
