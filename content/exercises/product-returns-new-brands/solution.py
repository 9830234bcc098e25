import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

NUMERIC = ["price", "photos", "seller_rating"]


class ReturnRiskModel:
    """Regularised logistic regression on the words of the title (which name the kind of product,
    and carry over to brands never seen), the brand one-hot encoded with rare brands pooled and
    unseen ones mapped to that pool instead of raising, and the numbers on a log scale."""

    def fit(self, X, y):
        features = ColumnTransformer(
            [
                ("words", CountVectorizer(binary=True), "title"),
                ("brand", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=5), ["brand"]),
                ("numbers", make_pipeline(FunctionTransformer(np.log1p), StandardScaler()), NUMERIC),
            ]
        )
        self.model = make_pipeline(features, LogisticRegression(C=0.5, max_iter=2000))
        self.model.fit(X, np.asarray(y))
        return self

    def predict(self, X):
        return self.model.predict_proba(X)[:, 1]
