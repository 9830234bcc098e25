import pandas as pd


def price_at_trade(trades: pd.DataFrame, prices: pd.DataFrame) -> pd.DataFrame:
    """A copy of trades with a float column "price": the same symbol's last quote at or before ts."""
    raise NotImplementedError
