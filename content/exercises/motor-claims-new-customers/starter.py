import numpy as np
import pandas as pd


class ClaimModel:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "ClaimModel":
        """Learn from past policy years (y: 1 = at least one claim that year)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """One score per policy year in X, higher = more likely to claim."""
        raise NotImplementedError
