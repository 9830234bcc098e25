import numpy as np
import pandas as pd


class HomepageRanker:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "HomepageRanker":
        """Learn from the logged slates (y: 1 = the shopper clicked the product)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """One score per row of X; within a session, higher = show earlier."""
        raise NotImplementedError
