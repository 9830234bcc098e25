import numpy as np
import pandas as pd


class DefaultModel:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "DefaultModel":
        """Learn from past loans (y: 1 = defaulted)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The probability of default of each application in X, between 0 and 1."""
        raise NotImplementedError
