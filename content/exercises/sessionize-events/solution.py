def sessionize(events, gap):
    if gap < 0:
        raise ValueError("gap must not be negative")
    out = events[["user", "ts"]].sort_values(["user", "ts"], kind="stable").reset_index(drop=True)
    out["ts"] = out["ts"].astype("int64")
    # The time since the same user's previous event; NaN on each user's first event.
    since_previous = out.groupby("user", sort=False)["ts"].diff()
    opens = since_previous.isna() | (since_previous > gap)
    out["session"] = opens.astype("int64").groupby(out["user"], sort=False).cumsum().astype("int64")
    return out
