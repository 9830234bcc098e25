import numpy as np
import pandas as pd


class SalesForecaster:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "SalesForecaster":
        """Learn from past days: X has one row per shop and day, y the day's sales."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """One sales forecast per row of X."""
        raise NotImplementedError
