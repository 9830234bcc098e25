import pandas as pd


def summarise(df):
    columns = ["team", "count", "mean_salary", "max_salary"]
    clean = df[["team", "salary"]].dropna()
    if len(df) == 0:
        return pd.DataFrame(columns=columns)
    grouped = clean.groupby("team")["salary"]
    summary = pd.DataFrame(
        {"count": grouped.size(), "mean_salary": grouped.mean(), "max_salary": grouped.max()}
    )
    return summary.reset_index()[columns]
