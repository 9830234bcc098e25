import pandas as pd


def tag_revenue(orders):
    pairs = orders[["order_id", "amount", "tags"]].explode("tags")
    pairs = pairs.rename(columns={"tags": "tag"})
    # An empty list explodes to one row with a missing tag; normalise, then drop those and blanks.
    pairs["tag"] = pairs["tag"].astype("string").str.strip().str.lower()
    pairs = pairs[pairs["tag"].notna() & (pairs["tag"] != "")]
    # One row per (order, tag): a tag repeated in a list, however it was spelled, counts once.
    pairs = pairs.drop_duplicates(["order_id", "tag"])
    out = (
        pairs.groupby("tag")
        .agg(n_orders=("order_id", "size"), revenue=("amount", lambda a: a.astype(float).sum()))
        .reset_index()
    )
    out = pd.DataFrame(
        {
            "tag": out["tag"].astype(object),
            "n_orders": out["n_orders"].astype("int64"),
            "revenue": out["revenue"].astype(float),
        }
    )
    return out.sort_values(["revenue", "tag"], ascending=[False, True], kind="stable").reset_index(drop=True)
