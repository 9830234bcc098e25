def order_totals(users, orders):
    stats = orders.groupby("user_id")["amount"].agg(n_orders="size", total_amount="sum").reset_index()
    result = users.merge(stats, on="user_id", how="inner")
    result["total_amount"] = result["total_amount"].astype(float)
    return result
