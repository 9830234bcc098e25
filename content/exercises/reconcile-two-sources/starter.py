import pandas as pd


def reconcile(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Columns id, amount_a, amount_b, status (only_a, only_b, match, mismatch); sorted by id."""
    raise NotImplementedError
