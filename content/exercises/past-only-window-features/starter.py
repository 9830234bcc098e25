import pandas as pd


def history_features(df: pd.DataFrame, window: int) -> pd.DataFrame:
    """Columns entity, t, value, prev_value, past_mean; sorted by entity, t; fresh index."""
    raise NotImplementedError
