import pandas as pd


def wide_features(df):
    if len(df) == 0:
        return pd.DataFrame({"user_id": pd.Series([], dtype="int64")})
    wide = df.groupby(["user_id", "feature"])["value"].mean().unstack("feature", fill_value=0.0)
    wide = wide.fillna(0.0).sort_index().sort_index(axis=1)
    wide.columns.name = None
    return wide.reset_index()
