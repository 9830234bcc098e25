import pandas as pd


def daily_counts(timestamps, tz):
    if len(timestamps) == 0:
        return pd.DataFrame({"day": pd.Series([], dtype=object), "events": pd.Series([], dtype="int64")})
    # Localise the instants first (the zone's rules at each instant), then take the calendar date.
    local = pd.to_datetime(pd.Series(timestamps, dtype="int64"), unit="s", utc=True).dt.tz_convert(tz)
    days = local.dt.tz_localize(None).dt.normalize()
    every_day = pd.date_range(days.min(), days.max(), freq="D")
    counts = days.value_counts().reindex(every_day, fill_value=0)
    return pd.DataFrame(
        {"day": [d.strftime("%Y-%m-%d") for d in every_day], "events": counts.to_numpy(dtype="int64")}
    )
