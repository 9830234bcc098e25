import pandas as pd


def daily_counts(timestamps, tz):
    if len(timestamps) == 0:
        return pd.DataFrame({"day": pd.Series([], dtype=object), "events": pd.Series([], dtype="int64")})
    # The calendar date is taken in UTC; the time zone is never applied.
    days = pd.to_datetime(pd.Series(timestamps, dtype="int64"), unit="s").dt.normalize()
    every_day = pd.date_range(days.min(), days.max(), freq="D")
    counts = days.value_counts().reindex(every_day, fill_value=0)
    return pd.DataFrame(
        {"day": [d.strftime("%Y-%m-%d") for d in every_day], "events": counts.to_numpy(dtype="int64")}
    )
