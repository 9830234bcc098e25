import pandas as pd


def summarise(df: pd.DataFrame) -> pd.DataFrame:
    """Return one row per team (sorted): columns team, count, mean_salary, max_salary."""
    raise NotImplementedError
