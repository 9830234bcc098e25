import numpy as np
import pandas as pd


def _month_number(month):
    # Months since year 0, so that differences run across year boundaries.
    year, number = month.str.slice(0, 4).astype(int), month.str.slice(5, 7).astype(int)
    return year * 12 + number - 1


def retention_table(activity):
    if len(activity) == 0:
        return pd.DataFrame({"cohort": pd.Series([], dtype=object), "size": pd.Series([], dtype="int64")})
    seen = activity[["user", "month"]].drop_duplicates()  # a user counts once per month
    seen = seen.assign(number=_month_number(seen["month"].astype(str)))
    seen["cohort"] = seen.groupby("user")["number"].transform("min")
    seen["offset"] = seen["number"] - seen["cohort"]
    last = int(seen["number"].max())
    span = last - int(seen["cohort"].min())
    sizes = seen.drop_duplicates("user").groupby("cohort").size()
    active = seen.groupby(["cohort", "offset"]).size()
    rows = []
    for cohort, size in sizes.items():
        shares = [
            active.get((cohort, k), 0) / size if cohort + k <= last else np.nan  # unobserved: unknown
            for k in range(span + 1)
        ]
        rows.append([f"{cohort // 12:04d}-{cohort % 12 + 1:02d}", int(size), *shares])
    out = pd.DataFrame(rows, columns=["cohort", "size", *[f"m{k}" for k in range(span + 1)]])
    return out.astype({"cohort": object, "size": "int64", **{f"m{k}": float for k in range(span + 1)}})
