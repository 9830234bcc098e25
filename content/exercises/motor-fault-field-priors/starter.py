import numpy as np
import pandas as pd


class FaultDiagnoser:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "FaultDiagnoser":
        """Learn from the test-bench measurements (y: the condition, 0 to 3)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The most likely condition (0 to 3) of each motor of X, in the field."""
        raise NotImplementedError
