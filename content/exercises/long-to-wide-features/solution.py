import pandas as pd


def wide_features(df):
    if len(df) == 0:
        return pd.DataFrame({"user_id": pd.Series([], dtype="int64")})
    values = pd.to_numeric(df["value"], errors="coerce").astype(float)
    means = values.groupby([df["user_id"], df["feature"]]).mean()  # all-NaN pairs stay, as NaN
    wide = means.unstack("feature")
    wide = wide.reindex(index=sorted(df["user_id"].unique()), columns=sorted(df["feature"].unique()))
    wide = wide.rename_axis(index="user_id", columns=None).reset_index()
    return wide
