def time_split(df, cutoff):
    dated = df[df["date"].notna()]
    # ISO dates sort and compare correctly as strings; a stable sort keeps same-day rows in order.
    ordered = dated.sort_values("date", kind="stable")
    before = (ordered["date"] < cutoff).to_numpy(dtype=bool)
    return ordered[before].copy(), ordered[~before].copy()
