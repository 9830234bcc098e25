import pandas as pd


def select(df: pd.DataFrame, columns: str | list[str]) -> pd.DataFrame:
    """Return the requested columns of df, in the requested order, always as a DataFrame."""
    raise NotImplementedError
