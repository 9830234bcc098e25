def order_totals(users, orders):
    stats = orders.groupby("user_id")["amount"].agg(["count", "sum"])
    result = users.copy()
    result["n_orders"] = users["user_id"].map(stats["count"]).fillna(0).astype("int64")
    result["total_amount"] = users["user_id"].map(stats["sum"]).fillna(0.0).astype(float)
    return result
