def latest_records(df):
    ordered = df.sort_values(["id", "updated_at"], kind="stable")
    return ordered.drop_duplicates("id", keep="first").reset_index(drop=True)
