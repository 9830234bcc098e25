import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression


class HomepageRanker:
    """Logistic regression of the click on the product's features and on log(slot). In the log a
    product's chance of a click is the chance its slot is looked at times its appeal; with the slot
    in the model, the coefficient of popularity measures appeal alone instead of the top slots the
    old homepage gave popular products. To rank a new slate every row is scored as if it were in
    the first slot, which drops the slot's share of the score."""

    def fit(self, X, y):
        self.model = LogisticRegression(max_iter=2000).fit(self._features(X, X["slot"]), np.asarray(y))
        return self

    def predict(self, X):
        return self.model.predict_proba(self._features(X, np.ones(len(X))))[:, 1]

    @staticmethod
    def _features(X, slot):
        return pd.DataFrame(
            {
                "matches_interests": X["matches_interests"].to_numpy(dtype=float),
                "rating": X["rating"].to_numpy(dtype=float),
                "discount": X["discount"].to_numpy(dtype=float),
                "log_popularity": np.log(X["popularity"].to_numpy(dtype=float)),
                "log_slot": np.log(np.asarray(slot, dtype=float)),
            }
        )
