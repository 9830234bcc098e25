import pandas as pd


def wide_features(df):
    if len(df) == 0:
        return pd.DataFrame({"user_id": pd.Series([], dtype="int64")})
    wide = pd.pivot_table(df, index="user_id", columns="feature", values="value", aggfunc="mean")
    wide.columns.name = None
    return wide.reset_index()
