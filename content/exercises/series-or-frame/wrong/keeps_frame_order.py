def select(df, columns):
    if isinstance(columns, str):
        columns = [columns]
    for name in columns:
        if name not in df.columns:
            raise KeyError(name)
    return df.loc[:, df.columns.isin(columns)]
