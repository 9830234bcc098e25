import pandas as pd


def time_split(df, cutoff):
    dates = pd.to_datetime(df["date"])
    order = dates.sort_values(kind="stable").index
    in_train = dates < pd.Timestamp(cutoff)  # NaT compares False, so unknown dates land in test
    ordered = df.loc[order]
    return ordered[in_train.loc[order]].copy(), ordered[~in_train.loc[order]].copy()
