import numpy as np
import pandas as pd


class TicketRouter:
    def fit(self, X: pd.DataFrame, y: np.ndarray) -> "TicketRouter":
        """Learn from last month's tickets (y: the team's number, 0 to 5)."""
        raise NotImplementedError

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """One team number (0 to 5) per row of X."""
        raise NotImplementedError
