import pandas as pd


def daily_counts(timestamps: list[int], tz: str) -> pd.DataFrame:
    """Columns day ("YYYY-MM-DD", local to tz) and events; every day from first to last, in order."""
    raise NotImplementedError
