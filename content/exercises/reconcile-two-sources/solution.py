import numpy as np
import pandas as pd

COLUMNS = ["id", "amount_a", "amount_b", "status"]


def _side(frame, name):
    side = pd.DataFrame(
        {
            "id": frame["id"].to_numpy(),
            name: pd.to_numeric(frame["amount"], errors="coerce").to_numpy(dtype=float),
        }
    )
    return side.astype({"id": "int64"})


def reconcile(a, b):
    if len(a) == 0 and len(b) == 0:
        return pd.DataFrame(
            {c: pd.Series([], dtype=float if c.startswith("amount") else object) for c in COLUMNS}
        )
    merged = _side(a, "amount_a").merge(_side(b, "amount_b"), on="id", how="outer", indicator=True)
    merged = merged.sort_values("id").reset_index(drop=True)
    x, y = merged["amount_a"].to_numpy(), merged["amount_b"].to_numpy()
    both_nan = np.isnan(x) & np.isnan(y)
    close = np.abs(x - y) < 0.005  # False whenever either side is NaN
    where = merged["_merge"].astype(str).to_numpy()
    status = np.where(
        where == "left_only",
        "only_a",
        np.where(where == "right_only", "only_b", np.where(both_nan | close, "match", "mismatch")),
    )
    merged["status"] = status.astype(object)
    return merged[COLUMNS]
