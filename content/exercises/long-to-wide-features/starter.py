import pandas as pd


def wide_features(df: pd.DataFrame) -> pd.DataFrame:
    """One row per user_id (sorted), user_id then one column per feature (sorted), mean values."""
    raise NotImplementedError
