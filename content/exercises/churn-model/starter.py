import numpy as np
import pandas as pd


class ChurnModel:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "ChurnModel":
        """Learn from last quarter's subscribers (y: 1 = cancelled)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """One risk score per row of X, higher = more likely to cancel."""
        raise NotImplementedError
