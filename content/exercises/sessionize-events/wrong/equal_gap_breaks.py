def sessionize(events, gap):
    if gap < 0:
        raise ValueError("gap must not be negative")
    out = events[["user", "ts"]].sort_values(["user", "ts"]).reset_index(drop=True)
    since_previous = out.groupby("user")["ts"].diff()
    # >= instead of >: a pause of exactly gap seconds opens a new session.
    opens = since_previous.isna() | (since_previous >= gap)
    out["session"] = opens.astype(int).groupby(out["user"]).cumsum()
    return out
