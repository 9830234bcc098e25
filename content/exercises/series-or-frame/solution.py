def select(df, columns):
    names = [columns] if isinstance(columns, str) else list(columns)
    missing = [name for name in names if name not in df.columns]
    if missing:
        raise KeyError(f"no such column(s): {missing}")
    return df[names].copy()
