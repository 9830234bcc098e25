import pandas as pd


def wide_features(df):
    if len(df) == 0:
        return pd.DataFrame({"user_id": pd.Series([], dtype="int64")})
    last = df.drop_duplicates(["user_id", "feature"], keep="last")
    wide = last.pivot(index="user_id", columns="feature", values="value").sort_index().sort_index(axis=1)
    wide.columns.name = None
    return wide.reset_index()
