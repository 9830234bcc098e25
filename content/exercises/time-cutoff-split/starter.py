import pandas as pd


def time_split(df: pd.DataFrame, cutoff: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (train, test): rows dated before cutoff, and rows dated on or after it, by date."""
    raise NotImplementedError
