import pandas as pd


def summarise(df):
    if len(df) == 0:
        return pd.DataFrame(columns=["team", "count", "mean_salary", "max_salary"])
    summary = df.groupby("team")["salary"].agg(["count", "mean", "max"])
    summary.columns = ["count", "mean_salary", "max_salary"]
    return summary.reset_index()
