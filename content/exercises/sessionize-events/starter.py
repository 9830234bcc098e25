import pandas as pd


def sessionize(events: pd.DataFrame, gap: int) -> pd.DataFrame:
    """Columns user, ts, session (1, 2, ... per user); sorted by user, ts; fresh index."""
    raise NotImplementedError
