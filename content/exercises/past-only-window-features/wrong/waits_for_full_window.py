def history_features(df, window):
    out = df[["entity", "t", "value"]].sort_values(["entity", "t"]).reset_index(drop=True)
    out["value"] = out["value"].astype(float)
    out["prev_value"] = out.groupby("entity")["value"].shift(1)
    out["past_mean"] = out.groupby("entity")["prev_value"].transform(lambda s: s.rolling(window).mean())
    return out[["entity", "t", "value", "prev_value", "past_mean"]]
