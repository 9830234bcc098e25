import numpy as np
import pandas as pd


class ReturnRiskModel:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "ReturnRiskModel":
        """Learn from last month's orders (y: 1 = sent back)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """One score per order in X, higher = more likely to come back."""
        raise NotImplementedError
