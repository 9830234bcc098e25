import pandas as pd


def tag_revenue(orders):
    pairs = orders[["order_id", "amount", "tags"]].explode("tags").rename(columns={"tags": "tag"})
    pairs["tag"] = pairs["tag"].astype("string").str.strip().str.lower()
    pairs = pairs[pairs["tag"].notna() & (pairs["tag"] != "")]
    # No de-duplication: a list that names a tag twice adds the order and its amount twice.
    out = pairs.groupby("tag").agg(n_orders=("order_id", "size"), revenue=("amount", "sum")).reset_index()
    out = pd.DataFrame(
        {
            "tag": out["tag"].astype(object),
            "n_orders": out["n_orders"],
            "revenue": out["revenue"].astype(float),
        }
    )
    return out.sort_values(["revenue", "tag"], ascending=[False, True]).reset_index(drop=True)
