import pandas as pd


def price_at_trade(trades, prices):
    left = trades[["symbol", "ts"]].astype({"symbol": str, "ts": "int64"})
    left["_row"] = range(len(left))
    right = prices[["symbol", "ts", "price"]].astype({"symbol": str, "ts": "int64", "price": float})
    # merge_asof needs both sides sorted on the time key; a stable sort keeps same-time quotes in
    # their original order, and the backward search takes the last of them.
    matched = pd.merge_asof(
        left.sort_values("ts", kind="stable"),
        right.sort_values("ts", kind="stable"),
        on="ts",
        by="symbol",
        direction="backward",
        allow_exact_matches=True,
    )
    out = trades.copy()
    out["price"] = matched.sort_values("_row")["price"].to_numpy(dtype=float)
    return out
