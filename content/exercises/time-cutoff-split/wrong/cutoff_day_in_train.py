def time_split(df, cutoff):
    dated = df[df["date"].notna()].sort_values("date", kind="stable")
    train = dated[dated["date"] <= cutoff]
    test = dated[dated["date"] > cutoff]
    return train.copy(), test.copy()
