import numpy as np
import pandas as pd


class FraudScorer:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "FraudScorer":
        """Learn from past payments (y: 1 = confirmed fraud)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """One score per payment in X, higher = review it sooner."""
        raise NotImplementedError
