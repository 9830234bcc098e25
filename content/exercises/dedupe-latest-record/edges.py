"""The edge cases this exercise's statement promises, as predicates over its hidden tests."""

from __future__ import annotations

import pandas as pd

from mlinterview.exercises.edges import Edge, args, empty, one_row


def _latest_time_shared(df: pd.DataFrame) -> bool:
    known = df.dropna(subset=["updated_at"])
    latest = known.groupby("id")["updated_at"].transform("max")
    return bool((known["updated_at"] == latest).groupby(known["id"]).sum().gt(1).any())


EDGES: dict[str, Edge] = {
    "no rows": empty(0),
    "a single row": one_row(0),
    "an id whose latest time is shared by two rows": args(_latest_time_shared),
    "an id whose times are all unknown": args(
        lambda df: bool(len(df)) and bool(df["updated_at"].isna().groupby(df["id"]).all().any())
    ),
    "an unknown time beside a known one": args(
        lambda df: (
            bool(len(df))
            and bool(df["updated_at"].isna().groupby(df["id"]).agg(lambda s: s.any() and not s.all()).any())
        )
    ),
}
