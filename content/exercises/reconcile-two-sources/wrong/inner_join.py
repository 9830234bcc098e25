import numpy as np
import pandas as pd


def reconcile(a, b):
    merged = a[["id", "amount"]].merge(b[["id", "amount"]], on="id", suffixes=("_a", "_b"))
    merged = merged.sort_values("id").reset_index(drop=True)
    x, y = merged["amount_a"].astype(float), merged["amount_b"].astype(float)
    same = ((x - y).abs() < 0.005) | (x.isna() & y.isna())
    merged["status"] = pd.Series(np.where(same, "match", "mismatch"), dtype=object)
    return merged[["id", "amount_a", "amount_b", "status"]]
