import pandas as pd

COLUMNS = ["team", "count", "mean_salary", "max_salary"]


def summarise(df):
    if len(df) == 0:
        return pd.DataFrame(columns=COLUMNS)
    salary = pd.to_numeric(df["salary"]).astype(float)
    grouped = salary.groupby(df["team"], sort=True)
    summary = pd.DataFrame(
        {
            "count": grouped.size().astype("int64"),
            "mean_salary": grouped.mean(),
            "max_salary": grouped.max(),
        }
    )
    summary = summary.rename_axis("team").reset_index()
    return summary[COLUMNS]
