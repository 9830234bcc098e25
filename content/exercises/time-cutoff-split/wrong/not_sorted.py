def time_split(df, cutoff):
    dated = df[df["date"].notna()]
    return dated[dated["date"] < cutoff].copy(), dated[dated["date"] >= cutoff].copy()
