def select(df, columns):
    if isinstance(columns, str):
        columns = [columns]
    return df.reindex(columns=columns)
