import pandas as pd


def retention_table(activity: pd.DataFrame) -> pd.DataFrame:
    """Columns cohort, size, m0 .. mK: the share of each cohort active k months after joining."""
    raise NotImplementedError
