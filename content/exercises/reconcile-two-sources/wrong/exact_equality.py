import numpy as np
import pandas as pd


def reconcile(a, b):
    merged = a[["id", "amount"]].merge(
        b[["id", "amount"]], on="id", how="outer", suffixes=("_a", "_b"), indicator=True
    )
    merged = merged.sort_values("id").reset_index(drop=True)
    x, y = merged["amount_a"].astype(float), merged["amount_b"].astype(float)
    same = (x == y) | (x.isna() & y.isna())
    status = np.where(
        merged["_merge"] == "left_only",
        "only_a",
        np.where(merged["_merge"] == "right_only", "only_b", np.where(same, "match", "mismatch")),
    )
    merged["status"] = pd.Series(status, dtype=object)
    return merged[["id", "amount_a", "amount_b", "status"]]
