def history_features(df, window):
    out = df[["entity", "t", "value"]].sort_values(["entity", "t"]).reset_index(drop=True)
    out["value"] = out["value"].astype(float)
    out["prev_value"] = out["value"].shift(1)
    out["past_mean"] = out["prev_value"].rolling(window, min_periods=1).mean()
    return out[["entity", "t", "value", "prev_value", "past_mean"]]
