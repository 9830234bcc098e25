import pandas as pd

COLUMNS = ["entity", "t", "value", "prev_value", "past_mean"]


def history_features(df, window):
    out = df[["entity", "t", "value"]].sort_values(["entity", "t"], kind="stable").reset_index(drop=True)
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype(float)
    if len(out) == 0:
        return pd.DataFrame({name: pd.Series([], dtype=float) for name in COLUMNS})
    # Shift first, within the entity, then roll: row i sees values i-window .. i-1 of its entity only.
    out["prev_value"] = out.groupby("entity", sort=False)["value"].shift(1)
    out["past_mean"] = out.groupby("entity", sort=False)["prev_value"].transform(
        lambda s: s.rolling(window, min_periods=1).mean()
    )
    return out[COLUMNS]
