import numpy as np


class FraudScorer:
    """The analyst's first guess: review the largest payments first. A large payment on a card that
    always spends a lot is ordinary."""

    def fit(self, X, y):
        return self

    def predict(self, X):
        return np.asarray(X["amount"], dtype=float)
