import pandas as pd


def daily_counts(timestamps, tz):
    if len(timestamps) == 0:
        return pd.DataFrame({"day": pd.Series([], dtype=object), "events": pd.Series([], dtype="int64")})
    local = pd.to_datetime(pd.Series(timestamps, dtype="int64"), unit="s", utc=True).dt.tz_convert(tz)
    # value_counts lists only the days that had events: quiet days are missing, not zero.
    counts = local.dt.strftime("%Y-%m-%d").value_counts().sort_index()
    return pd.DataFrame({"day": counts.index.astype(object), "events": counts.to_numpy(dtype="int64")})
