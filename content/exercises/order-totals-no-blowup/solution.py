import pandas as pd


def order_totals(users, orders):
    # Aggregate the many side first, so the lookup below maps each user row to exactly one value.
    amounts = pd.to_numeric(orders["amount"], errors="coerce").astype(float)
    grouped = amounts.groupby(orders["user_id"])
    counts = grouped.size()
    totals = grouped.sum()  # NaN amounts are skipped; a user with only NaN amounts sums to 0.0
    result = users.copy()
    result["n_orders"] = users["user_id"].map(counts).fillna(0).astype("int64")
    result["total_amount"] = users["user_id"].map(totals).fillna(0.0).astype(float)
    return result
