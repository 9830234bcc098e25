def order_totals(users, orders):
    # Joins first and counts the joined rows: a user without orders still has one joined row, and a
    # user listed twice in users gets each of its orders twice.
    joined = users[["user_id"]].merge(orders[["user_id", "amount"]], on="user_id", how="left")
    stats = joined.groupby("user_id")["amount"].agg(["size", "sum"])
    result = users.copy()
    result["n_orders"] = users["user_id"].map(stats["size"]).fillna(0).astype("int64")
    result["total_amount"] = users["user_id"].map(stats["sum"]).fillna(0.0).astype(float)
    return result
