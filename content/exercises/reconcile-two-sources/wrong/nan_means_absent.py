import numpy as np
import pandas as pd


def reconcile(a, b):
    merged = a[["id", "amount"]].merge(b[["id", "amount"]], on="id", how="outer", suffixes=("_a", "_b"))
    merged = merged.sort_values("id").reset_index(drop=True)
    x, y = merged["amount_a"].astype(float), merged["amount_b"].astype(float)
    # Presence read off the amounts: an id with a NaN amount looks absent from that side.
    status = np.select(
        [y.isna() & x.notna(), x.isna() & y.notna(), (x - y).abs() < 0.005],
        ["only_a", "only_b", "match"],
        default="mismatch",
    )
    merged["status"] = pd.Series(status, dtype=object)
    return merged[["id", "amount_a", "amount_b", "status"]]
