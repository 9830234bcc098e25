import pandas as pd


def price_at_trade(trades, prices):
    left = trades[["symbol", "ts"]].astype({"symbol": str, "ts": "int64"})
    left["_row"] = range(len(left))
    right = prices[["symbol", "ts", "price"]].astype({"symbol": str, "ts": "int64", "price": float})
    # A quote at the trade's own timestamp is skipped.
    matched = pd.merge_asof(
        left.sort_values("ts"), right.sort_values("ts"), on="ts", by="symbol", allow_exact_matches=False
    )
    out = trades.copy()
    out["price"] = matched.sort_values("_row")["price"].to_numpy(dtype=float)
    return out
