def latest_records(df):
    newest_first = df.sort_values("updated_at", ascending=False, kind="stable")
    kept = newest_first.drop_duplicates("id", keep="first")
    return kept.sort_values("id").reset_index(drop=True)
