import numpy as np
import pandas as pd


class DeliveryPromise:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "DeliveryPromise":
        """Learn from last month's orders (y: minutes from order to doorstep)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The delivery time in minutes to promise for each order of X."""
        raise NotImplementedError
