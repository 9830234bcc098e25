def latest_records(df):
    known = df.dropna(subset=["updated_at"])
    ordered = known.sort_values(["id", "updated_at"], kind="stable")
    return ordered.drop_duplicates("id", keep="last").reset_index(drop=True)
