def sessionize(events, gap):
    if gap < 0:
        raise ValueError("gap must not be negative")
    out = events[["user", "ts"]].copy()
    # The gaps are taken in the order the rows arrived, and only then is the frame sorted.
    since_previous = out.groupby("user")["ts"].diff().abs()
    opens = since_previous.isna() | (since_previous > gap)
    out["session"] = opens.astype(int).groupby(out["user"]).cumsum()
    return out.sort_values(["user", "ts"]).reset_index(drop=True)
