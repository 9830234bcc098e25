import numpy as np
import pandas as pd


class CancellationModel:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "CancellationModel":
        """Learn from last season's bookings (y: 1 = cancelled)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The probability that each booking of X is cancelled, between 0 and 1."""
        raise NotImplementedError
