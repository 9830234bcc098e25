def select(df, columns):
    return df[columns]
